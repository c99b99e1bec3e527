import { ConflictError } from '../../domain/errors.js';
import { succeeded, type DeliveryAttempt, type WebhookDelivery } from '../../domain/webhooks/delivery.js';
import { afterAttempt, claimed, isDue, parkedFor, subscriptionAfter } from '../../domain/webhooks/delivery-round.js';
import { signedHeaders } from '../../domain/webhooks/standard-webhooks.js';
import { signingSecrets, type WebhookSubscription } from '../../domain/webhooks/subscription.js';
import { logger } from '../../observability/logger.js';
import type { WebhookSenderDeps } from '../ports/webhooks.js';
import { mailSubscriptionDisabled } from './disabled-mail.js';

/**
 * The longest wait the queue's own delay covers (SQS's DelaySeconds is at most 900): a retry due
 * within it is queued with that delay; a later one waits for the retry sweep (every minute).
 */
export const queueDelayLimitSeconds = 900;

export type TryOutcome = 'delivered' | 'retrying' | 'parked' | 'skipped';

/** A write that lost to a concurrent one (a duplicate message, a resend) is no failure: the other writer goes on. */
const unlessLost = async (write: () => Promise<void>): Promise<boolean> => {
  try {
    await write();
    return true;
  } catch (error) {
    if (error instanceof ConflictError) return false;
    throw error;
  }
};

/** How many times a subscription's bookkeeping is read again after losing a race to another delivery's. */
const subscriptionRetries = 3;

/**
 * The subscription after a try: a success clears its failing streak, a failure starts one, and a
 * failure after `disableAfterDays` of them disables it (then its admins are mailed, once: only the
 * write that disabled it mails). Concurrent deliveries of one subscription race here: the loser reads again.
 */
const noteOutcome = async (deps: WebhookSenderDeps, subscription: WebhookSubscription, attempt: DeliveryAttempt, now: Date) => {
  let current: WebhookSubscription | undefined = subscription;
  for (let round = 0; current && round <= subscriptionRetries; round += 1) {
    const { next, disabled } = subscriptionAfter(current, succeeded(attempt), now);
    if (!next) return;
    const before: WebhookSubscription = current;
    if (await unlessLost(() => deps.unitOfWork.commit([deps.subscriptions.update(before, next)]))) {
      if (disabled) {
        logger.warn('webhook subscription disabled: its receiver kept failing', { subscriptionId: next.subscriptionId, failingSince: next.failingSince });
        await mailSubscriptionDisabled(deps.adminMail, next, attempt);
      }
      return;
    }
    current = await deps.subscriptions.get(subscription.subscriptionId);
  }
};

/** Parks a pending delivery whose subscription is disabled or gone: "send again" after re-enabling sends it. */
const parkForSubscription = async (deps: WebhookSenderDeps, delivery: WebhookDelivery, subscription: WebhookSubscription | undefined): Promise<TryOutcome> => {
  const reason = subscription ? 'subscription_disabled' : 'subscription_removed';
  if (!(await unlessLost(() => deps.unitOfWork.commit([deps.deliveries.update(delivery, parkedFor(delivery, reason))])))) return 'skipped';
  logger.info('webhook delivery parked: its subscription takes none', { deliveryId: delivery.deliveryId, reason });
  return 'parked';
};

/**
 * One try of one queued delivery. Nothing happens to a delivery that is not due (delivered,
 * parked, or a duplicate message while its next try is later or another sender holds it). The
 * delivery is claimed first (a conditional write), so two messages for it never both post; then
 * it is signed with every secret still valid, posted, and the try recorded: delivered, due again
 * after the schedule's next wait, or parked (a business metric, an alarm) after 24 hours.
 */
export const tryDelivery = async (deps: WebhookSenderDeps, deliveryId: string): Promise<TryOutcome> => {
  const now = deps.now();
  const delivery = await deps.deliveries.get(deliveryId);
  if (!delivery || !isDue(delivery, now)) return 'skipped';
  const subscription = await deps.subscriptions.get(delivery.subscriptionId);
  if (!subscription || subscription.state !== 'active') return parkForSubscription(deps, delivery, subscription);

  const held = claimed(delivery, now);
  if (!(await unlessLost(() => deps.unitOfWork.commit([deps.deliveries.update(delivery, held)])))) return 'skipped';
  const secrets = await Promise.all(signingSecrets(subscription, now).map((secret) => deps.sealer.open(secret.sealed)));
  const headers = signedHeaders(secrets, delivery.messageId, now, delivery.payload);
  const answer = await deps.sender.post(subscription.url, { ...headers, 'content-type': 'application/json' }, delivery.payload);
  const attempt: DeliveryAttempt = { at: now.toISOString(), ...answer };
  const after = afterAttempt(held, attempt, deps.now());
  if (!(await unlessLost(() => deps.unitOfWork.commit([deps.deliveries.update(held, after)])))) {
    // Held past its claim and taken over by another sender: its record stands.
    logger.warn('webhook try not recorded: another sender took the delivery over', { deliveryId });
    return 'skipped';
  }
  const about = { deliveryId, subscriptionId: delivery.subscriptionId, messageId: delivery.messageId, eventType: delivery.eventType, status: answer.status, error: answer.error, ms: answer.ms };
  if (after.state === 'pending' && after.nextAttemptAt) {
    const wait = Math.max(0, Math.ceil((Date.parse(after.nextAttemptAt) - deps.now().getTime()) / 1000));
    if (wait <= queueDelayLimitSeconds) await deps.queue.send([deliveryId], wait);
    logger.info('webhook try failed: will be retried', { ...about, nextAttemptAt: after.nextAttemptAt });
  } else if (after.state === 'parked') {
    deps.metrics.count('WebhookDeliveriesParked');
    logger.warn('webhook delivery parked: every try of 24 hours failed', about);
  } else {
    deps.metrics.count('WebhookDeliveriesDelivered');
    logger.info('webhook delivered', about);
  }
  await noteOutcome(deps, subscription, attempt, deps.now());
  return after.state === 'delivered' ? 'delivered' : after.state === 'parked' ? 'parked' : 'retrying';
};

export interface QueueMessage {
  messageId: string;
  body: string;
}

/**
 * A batch of queued deliveries (each message's body a delivery id), tried side by side. A message
 * whose try failed by an error of ours (the table, the sealing key) is handed back (Lambda's partial
 * batch response) and comes again after the queue's visibility timeout; a receiver's failure is no
 * such error: it is a recorded try with its next one scheduled.
 */
export const deliverQueued = async (deps: WebhookSenderDeps, event: { Records: readonly QueueMessage[] }) => {
  const outcomes = await Promise.all(
    event.Records.map(async (record) => {
      try {
        await tryDelivery(deps, record.body);
        return undefined;
      } catch (error) {
        logger.warn('webhook try failed on our side: the message comes again', { deliveryId: record.body, error });
        return record.messageId;
      }
    }),
  );
  return { batchItemFailures: outcomes.filter((id): id is string => id !== undefined).map((itemIdentifier) => ({ itemIdentifier })) };
};
