import { ConflictError } from '../errors.js';
import { deliveryIdOf, keptAttempts, nextAttemptAt, roundTries, succeeded, type DeliveryAttempt, type WebhookDelivery } from './delivery.js';
import type { WebhookEventType } from './event-types.js';
import { failingTooLong, type WebhookSubscription } from './subscription.js';

/**
 * A delivery's way through its tries, as pure steps: made, claimed for a try, the try's outcome,
 * parked, sent again. Each step is the next delivery with its version one up, for a write
 * conditional on the version it was decided on.
 */

/**
 * How long a sender holds a delivery it is trying (its `nextAttemptAt` pushed this far): a
 * duplicate message meanwhile finds it not due, and if the sender dies mid-try, the retry sweep
 * finds it due again after this. Longer than a try (5 s) and its bookkeeping.
 */
export const claimSeconds = 60;

/** How long a delivery is kept after its last change, then expired by the table's TTL. */
export const keepDeliveryDays = 30;

const plusSeconds = (at: Date, seconds: number) => new Date(at.getTime() + seconds * 1000).toISOString();

export interface NewDelivery {
  subscriptionId: string;
  messageId: string;
  eventType: WebhookEventType;
  requestId: string;
  orgId: string;
  /** The body, exactly as it will be signed and sent. */
  payload: string;
}

/** A new delivery: pending, due at once, its first round starting now. */
export const newDelivery = (event: NewDelivery, now: Date): WebhookDelivery => ({
  deliveryId: deliveryIdOf(event.subscriptionId, event.messageId),
  ...event,
  state: 'pending',
  attempts: [],
  createdAt: now.toISOString(),
  nextAttemptAt: now.toISOString(),
  roundStartedAt: now.toISOString(),
  version: 1,
});

/** Whether a delivery is to be tried at `now`: pending, and its next try (or a sender's hold) not in the future. */
export const isDue = (delivery: WebhookDelivery, now: Date): boolean =>
  delivery.state === 'pending' && (delivery.nextAttemptAt === undefined || Date.parse(delivery.nextAttemptAt) <= now.getTime());

/** A replayed event's delivery that never got as far as its first try: queued again (the crash between its write and its message). */
export const neverTried = (delivery: WebhookDelivery): boolean => delivery.state === 'pending' && delivery.attempts.length === 0;

/** The delivery held by a sender for one try. */
export const claimed = (delivery: WebhookDelivery, now: Date): WebhookDelivery => ({ ...delivery, nextAttemptAt: plusSeconds(now, claimSeconds), version: delivery.version + 1 });

/**
 * The delivery after a try (`claimed` before it): delivered on a 2xx; else due again after the
 * schedule's next wait, or parked when the next would fall past the round's 24 hours.
 */
export const afterAttempt = (delivery: WebhookDelivery, attempt: DeliveryAttempt, now: Date): WebhookDelivery => {
  const attempts = [...delivery.attempts, attempt].slice(-keptAttempts);
  const { nextAttemptAt: _held, parkedReason: _reason, ...rest } = delivery;
  const base = { ...rest, attempts, version: delivery.version + 1 };
  if (succeeded(attempt)) return { ...base, state: 'delivered' };
  const next = nextAttemptAt(delivery.roundStartedAt, roundTries({ attempts, roundStartedAt: delivery.roundStartedAt }).length, now);
  return next ? { ...base, state: 'pending', nextAttemptAt: next.toISOString() } : { ...base, state: 'parked', parkedReason: 'retries_exhausted' };
};

/** A pending delivery that will not be tried: its subscription is disabled or gone. */
export const parkedFor = (delivery: WebhookDelivery, reason: 'subscription_disabled' | 'subscription_removed'): WebhookDelivery => {
  const { nextAttemptAt: _next, ...rest } = delivery;
  return { ...rest, state: 'parked', parkedReason: reason, version: delivery.version + 1 };
};

/**
 * "Send again": a parked or delivered delivery starts a new round of tries now, with the same
 * body and `webhook-id` (a receiver that got it before sees the same id). A pending one is still
 * being tried: a ConflictError saying when its next try is.
 */
export const resent = (delivery: WebhookDelivery, now: Date): WebhookDelivery => {
  if (delivery.state === 'pending') {
    throw new ConflictError(
      `This delivery is still being tried; its next try is at ${delivery.nextAttemptAt ?? 'once'}`,
      'Wait for that try, or for the delivery to be parked, then send it again',
    );
  }
  const { parkedReason: _reason, ...rest } = delivery;
  return { ...rest, state: 'pending', nextAttemptAt: now.toISOString(), roundStartedAt: now.toISOString(), version: delivery.version + 1 };
};

/** A success is written to the subscription at most this often while nothing else changes (many deliveries succeed at once). */
export const successNoteSeconds = 60;

export interface SubscriptionOutcome {
  /** The subscription to write, or undefined when nothing changes. */
  next?: WebhookSubscription;
  /** Whether this outcome disables it (the agency admins are to be told). */
  disabled: boolean;
}

/**
 * A subscription after one of its deliveries' tries: a success clears `failingSince`; the first
 * failure after a success sets it; a failure when it has been failing for days disables it.
 */
export const subscriptionAfter = (subscription: WebhookSubscription, success: boolean, now: Date): SubscriptionOutcome => {
  const at = now.toISOString();
  if (success) {
    const stale = subscription.lastSuccessAt === undefined || now.getTime() - Date.parse(subscription.lastSuccessAt) >= successNoteSeconds * 1000;
    if (subscription.failingSince === undefined && !stale) return { disabled: false };
    const { failingSince: _cleared, ...rest } = subscription;
    return { next: { ...rest, lastSuccessAt: at, version: subscription.version + 1 }, disabled: false };
  }
  if (subscription.state !== 'active') return { disabled: false };
  if (subscription.failingSince === undefined) return { next: { ...subscription, failingSince: at, version: subscription.version + 1 }, disabled: false };
  if (!failingTooLong(subscription, now)) return { disabled: false };
  return { next: { ...subscription, state: 'disabled', disabledReason: 'failing', updatedAt: at, version: subscription.version + 1 }, disabled: true };
};
