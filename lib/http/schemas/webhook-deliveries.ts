import * as z from 'zod';
import { DeliveryAttempt } from '../../domain/webhooks/delivery.js';
import { WebhookEventType } from '../../domain/webhooks/event-types.js';

export const WebhookDeliveryPath = z.strictObject({
  subscriptionId: z.string().min(1).max(64),
  deliveryId: z.string().regex(/^[\w.-]{1,200}$/, 'is not a delivery id orderdesk gave out'),
});

export const WebhookDeliveryView = z
  .object({
    deliveryId: z.string(),
    subscriptionId: z.string(),
    messageId: z.string().describe('The `webhook-id` header: the event’s id, the same on every try and on "send again"'),
    eventType: WebhookEventType,
    requestId: z.string(),
    orgId: z.string(),
    payload: z.string().describe('The body, exactly as signed and sent (JSON text)'),
    state: z.enum(['pending', 'delivered', 'parked']).describe('pending: being tried (see nextAttemptAt); delivered: a try got a 2xx; parked: every try of 24 hours failed, or its subscription was disabled'),
    parkedReason: z.enum(['retries_exhausted', 'subscription_disabled', 'subscription_removed']).optional(),
    attempts: z.array(DeliveryAttempt).describe('Its tries, oldest first (the newest 20): when, how long, the receiver’s status or why there was none (`timeout`, `redirect`, `refused_address`, `dns`, `connection`, …)'),
    createdAt: z.iso.datetime(),
    nextAttemptAt: z.iso.datetime().optional().describe('While pending: when the next try is due'),
    roundStartedAt: z.iso.datetime().describe('When this round of tries started (its creation, or the last "send again"): tries end 24 hours after'),
  })
  .meta({ id: 'WebhookDelivery' });

export const WebhookDeliveryPage = z.object({ items: z.array(WebhookDeliveryView), nextCursor: z.string().optional() }).meta({ id: 'WebhookDeliveryPage' });
