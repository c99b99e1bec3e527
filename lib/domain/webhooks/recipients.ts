import { wants, type WebhookEventKind } from './event-types.js';
import { coversOrganisation, type WebhookSubscription } from './subscription.js';

/**
 * The subscriptions an event of `orgId`'s request goes to: active ones, of every organisation or
 * of this one, asking for its type (or, for a status change, for `request.status_changed`).
 */
export const recipientsOf = <S extends Pick<WebhookSubscription, 'state' | 'orgId' | 'eventTypes'>>(subscriptions: readonly S[], orgId: string, event: WebhookEventKind): S[] =>
  subscriptions.filter((subscription) => subscription.state === 'active' && coversOrganisation(subscription, orgId) && wants(subscription.eventTypes, event));
