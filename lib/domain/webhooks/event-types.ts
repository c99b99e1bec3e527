import * as z from 'zod';
import type { Action } from '../lifecycle.js';
import type { TimelineEntry } from '../timeline-entry.js';
import { webhookEventTypes } from './webhook-rules.js';

export { webhookEventTypes };

/**
 * What a webhook subscription may ask for (docs/webhooks.md). `request.status_changed` is the
 * catch-all of the lifecycle: a subscription to it gets every event that moved the request's
 * status, whatever its own type (an accepted offer is `offer.accepted` and a status change).
 */
export const WebhookEventType = z.enum(webhookEventTypes);
export type WebhookEventType = z.infer<typeof WebhookEventType>;

/** A lifecycle step that has an event type of its own; every other step is `request.status_changed`. */
const stepTypes: Partial<Record<Action, WebhookEventType>> = {
  post_offer: 'offer.posted',
  accept_offer: 'offer.accepted',
  accept_free_offer: 'offer.accepted',
  reject_offer: 'offer.rejected',
  expire_offer: 'offer.expired',
  mark_paid: 'payment.received',
  hand_over: 'request.handed_over',
  accept_delivery: 'delivery.accepted',
  deem_accepted: 'delivery.deemed_accepted',
};

/** What a timeline entry is, for webhooks: its type, and whether it moved the request's status. */
export interface WebhookEventKind {
  type: WebhookEventType;
  statusChanged: boolean;
}

/**
 * The event a timeline entry makes, if any. Internal notes never make one; neither does any other
 * entry the agency alone sees, but a flagged payment (the platforms show it to the agency's
 * people). Entries of no listed type (files, invitations, ranks, reminders) make none.
 */
export const webhookEventOf = (entry: Pick<TimelineEntry, 'kind' | 'visibility' | 'details'>): WebhookEventKind | undefined => {
  if (entry.kind === 'payment_flagged') return { type: 'payment.flagged', statusChanged: false };
  if (entry.visibility !== 'all') return undefined;
  const details = entry.details ?? {};
  const statusChanged = details.from !== undefined && details.to !== undefined && details.from !== details.to;
  switch (entry.kind) {
    case 'request_created':
      return { type: 'request.created', statusChanged: false };
    case 'message':
      return { type: 'message.posted', statusChanged: false };
    case 'order_issued':
      return { type: 'order.issued', statusChanged: false };
    case 'status_changed':
    case 'offer_posted': {
      const step = details.action as Action | undefined;
      const own = step === undefined ? undefined : stepTypes[step];
      if (own) return { type: own, statusChanged };
      return statusChanged ? { type: 'request.status_changed', statusChanged } : undefined;
    }
    default:
      return undefined;
  }
};

/** Whether a subscription asking for `wanted` gets an event of this kind. */
export const wants = (wanted: readonly WebhookEventType[], event: WebhookEventKind): boolean =>
  wanted.includes(event.type) || (event.statusChanged && wanted.includes('request.status_changed'));
