import type { Schemas } from '../../api/client.js';
import type { EventType } from './event-types.js';

type Subscription = Schemas['WebhookSubscription'];

/** What a subscription's form holds as it is typed (kept as a draft). `orgId` '' is every organisation. */
export interface SubscriptionDraft {
  url: string;
  eventTypes: EventType[];
  orgId: string;
  description: string;
}

/** A new subscription's draft: every event unchosen, every organisation, nothing typed. */
export const emptyDraft: SubscriptionDraft = { url: '', eventTypes: [], orgId: '', description: '' };

/** The form's draft of an existing subscription, to change it. */
export const draftOf = (subscription: Subscription): SubscriptionDraft => ({
  url: subscription.url,
  eventTypes: [...subscription.eventTypes],
  orgId: subscription.orgId ?? '',
  description: subscription.description ?? '',
});

/** `POST /webhooks`'s body: what is typed, empty optional fields left out. */
export const newSubscriptionBody = (draft: SubscriptionDraft): Schemas['NewWebhookSubscription'] => {
  const description = draft.description.trim();
  return {
    url: draft.url.trim(),
    eventTypes: draft.eventTypes,
    ...(draft.orgId ? { orgId: draft.orgId } : {}),
    ...(description ? { description } : {}),
  };
};

const sameTypes = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((type) => b.includes(type));

/**
 * `PATCH /webhooks/{id}`'s body: only what differs from the subscription as it is (an organisation
 * or description emptied is `null`, cleared), without `version`; empty when nothing changed.
 */
export const subscriptionChange = (subscription: Subscription, draft: SubscriptionDraft): Omit<Schemas['WebhookSubscriptionChange'], 'version' | 'enabled'> => {
  const url = draft.url.trim();
  const description = draft.description.trim();
  return {
    ...(url !== subscription.url ? { url } : {}),
    ...(!sameTypes(draft.eventTypes, subscription.eventTypes) ? { eventTypes: draft.eventTypes } : {}),
    ...(draft.orgId !== (subscription.orgId ?? '') ? { orgId: draft.orgId || null } : {}),
    ...(description !== (subscription.description ?? '') ? { description: description || null } : {}),
  };
};
