import type { WebhookRetryDeps } from '../ports/webhooks.js';

/** At most this many due deliveries are queued by one sweep; the next sweep (a minute later) takes the rest. */
export const sweepLimit = 500;

/**
 * The retry sweep (every minute): every pending delivery whose next try is due goes back on the
 * queue, the oldest due first. A delivery queued twice (by the sender's own short delay too, or by
 * two sweeps) is tried once: the sender claims it before posting.
 */
export const queueDueDeliveries = async (deps: WebhookRetryDeps): Promise<{ queued: number }> => {
  const due = await deps.deliveries.due(deps.now(), sweepLimit);
  if (due.length > 0) await deps.queue.send(due.map((delivery) => delivery.deliveryId));
  return { queued: due.length };
};
