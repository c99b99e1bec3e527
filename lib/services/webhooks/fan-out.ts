import { messageIdOf, type WebhookDelivery } from '../../domain/webhooks/delivery.js';
import { neverTried, newDelivery } from '../../domain/webhooks/delivery-round.js';
import { webhookEventOf } from '../../domain/webhooks/event-types.js';
import { webhookEvent, type WebhookRequestFacts } from '../../domain/webhooks/payload.js';
import { recipientsOf } from '../../domain/webhooks/recipients.js';
import type { TimelineEntry } from '../../domain/timeline-entry.js';
import type { Request } from '../../domain/request.js';
import type { WebhookFanOutDeps, WebhookLinks } from '../ports/webhooks.js';

/** What an event says of its request: ids, kind, title and status, nothing of its people or notes. */
const factsOf = (request: Request): WebhookRequestFacts => ({
  requestId: request.requestId,
  orgId: request.orgId,
  platform: request.platform,
  type: request.type,
  title: request.title,
  status: request.status,
});

const linksOf = (links: WebhookLinks, request: Request) => {
  const id = encodeURIComponent(request.requestId);
  return { portal: `${links.portalUrl(request.platform)}/requests/${id}`, api: `${links.apiUrl().replace(/\/+$/, '')}/requests/${id}` };
};

export interface FanOutOutcome {
  /** The deliveries made and queued. */
  queued: string[];
  /** Deliveries of a replayed record that were made before but never tried: queued again. */
  requeued: string[];
}

/**
 * One new timeline entry's webhooks: nothing for an entry that makes no event (an internal note,
 * a file, a rank); else one delivery per active subscription that covers the request's
 * organisation and wants the event, made once (its id is the subscription's and the entry's) and
 * queued. A replayed record finds its deliveries made: those never tried (the write landed, the
 * message did not) are queued again, the rest not, so a replay sends nothing twice.
 */
export const fanOutEntry = async (deps: WebhookFanOutDeps, entry: TimelineEntry): Promise<FanOutOutcome> => {
  const event = webhookEventOf(entry);
  if (!event) return { queued: [], requeued: [] };
  const [request, subscriptions] = await Promise.all([deps.requests.get(entry.requestId), deps.subscriptions.list()]);
  // A request erased since (its entry's record replayed late) has nothing left to tell.
  if (!request) return { queued: [], requeued: [] };
  const recipients = recipientsOf(subscriptions, request.orgId, event);
  if (recipients.length === 0) return { queued: [], requeued: [] };
  const payload = JSON.stringify(webhookEvent(entry, event, factsOf(request), linksOf(deps.links, request)));
  const messageId = messageIdOf(entry.entryId);
  const now = deps.now();
  const made = await Promise.all(
    recipients.map(async (subscription) => {
      const delivery = newDelivery({ subscriptionId: subscription.subscriptionId, messageId, eventType: event.type, requestId: request.requestId, orgId: request.orgId, payload }, now);
      if (await deps.deliveries.createIfAbsent(delivery)) return { delivery, fresh: true };
      const stored: WebhookDelivery | undefined = await deps.deliveries.get(delivery.deliveryId);
      return { delivery: stored, fresh: false };
    }),
  );
  const queued = made.filter((one) => one.fresh).map((one) => one.delivery!.deliveryId);
  const requeued = made.filter((one) => !one.fresh && one.delivery && neverTried(one.delivery)).map((one) => one.delivery!.deliveryId);
  if (queued.length + requeued.length > 0) await deps.queue.send([...queued, ...requeued]);
  return { queued, requeued };
};
