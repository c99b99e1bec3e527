import * as z from 'zod';
import { WebhookEventType } from './event-types.js';
import { retryHours } from './webhook-rules.js';

export { retryHours };

/** One try to deliver: when, how long, and what came back (a status, or why none did). */
export const DeliveryAttempt = z.object({
  at: z.iso.datetime(),
  ms: z.number().int().min(0),
  /** The receiver's HTTP status, when it answered. */
  status: z.number().int().optional(),
  /** Why it failed without an answer: `timeout`, `refused_address`, `dns`, `connection`, `redirect`, ... */
  error: z.string().optional(),
});
export type DeliveryAttempt = z.infer<typeof DeliveryAttempt>;

/**
 * One event to one subscription. `pending` until a try succeeds (`delivered`); a failed try
 * schedules the next (`nextAttemptAt`); after 24 hours of failures it is `parked`, kept for
 * "send again". Its id is the subscription's and the event's, so a record replayed makes no second.
 */
export const WebhookDelivery = z.object({
  deliveryId: z.string(),
  subscriptionId: z.string(),
  /** The `webhook-id` header: the event's id, the same on every try and "send again". */
  messageId: z.string(),
  eventType: WebhookEventType,
  requestId: z.string(),
  orgId: z.string(),
  /** The body, exactly as signed and sent. */
  payload: z.string(),
  state: z.enum(['pending', 'delivered', 'parked']),
  attempts: z.array(DeliveryAttempt),
  createdAt: z.iso.datetime(),
  /** When the next try is due, while pending. */
  nextAttemptAt: z.iso.datetime().optional(),
  /** When this round of tries started (its creation, or the last "send again"): retries end 24 h after. */
  roundStartedAt: z.iso.datetime(),
  /** Why it was parked: its tries ran out, or its subscription was disabled (or removed) before it went. */
  parkedReason: z.enum(['retries_exhausted', 'subscription_disabled', 'subscription_removed']).optional(),
  version: z.number().int().positive(),
});
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

/** The id of the delivery of `messageId` to one subscription. */
export const deliveryIdOf = (subscriptionId: string, messageId: string): string => `${subscriptionId}.${messageId}`;

/** The `webhook-id` of the event a timeline entry makes. */
export const messageIdOf = (entryId: string): string => `msg_${entryId}`;


/**
 * The waits between tries, after the first (at once): the Standard Webhooks / Svix schedule. After
 * the last wait (about 17.6 hours in), one more try comes when the round's 24 hours are up; a wait
 * that would end past them is cut to end there. Eight tries in all, the last at 24 hours.
 */
export const retryDelaysSeconds = [5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600] as const;

/**
 * When the next try is due after `failedTries` failed tries of this round, or `undefined` if the
 * delivery is to be parked: its round's 24 hours are over.
 */
export const nextAttemptAt = (roundStartedAt: string, failedTries: number, now: Date): Date | undefined => {
  const end = Date.parse(roundStartedAt) + retryHours * 3_600_000;
  if (now.getTime() >= end) return undefined;
  const wait = retryDelaysSeconds[failedTries - 1];
  return new Date(wait === undefined ? end : Math.min(now.getTime() + wait * 1000, end));
};

/** The tries of the current round (those since it started). */
export const roundTries = (delivery: Pick<WebhookDelivery, 'attempts' | 'roundStartedAt'>): DeliveryAttempt[] =>
  delivery.attempts.filter((attempt) => Date.parse(attempt.at) >= Date.parse(delivery.roundStartedAt));

/** At most this many tries are kept on a delivery (the newest); older ones are dropped. */
export const keptAttempts = 20;

/** Whether an answer is a success: any 2xx. Redirects are not followed and count as failures. */
export const succeeded = (attempt: DeliveryAttempt): boolean => attempt.status !== undefined && attempt.status >= 200 && attempt.status < 300;
