import { retryHours } from '../../domain/webhooks/delivery.js';
import { PageQuery } from '../schemas/requests.js';
import { WebhookDeliveryPage, WebhookDeliveryPath, WebhookDeliveryView } from '../schemas/webhook-deliveries.js';
import * as z from 'zod';
import { routeTable, type RouteEntries } from '../route.js';

const SubscriptionPath = z.strictObject({ subscriptionId: z.string().min(1).max(64) });
const onlyAdmins = (what: string) => `only the agency’s admins ${what} (agents and clients too get this)`;

/** A webhook subscription's deliveries: what was sent, how each try went, and "send again" (agency admins). */
export const webhookDeliveryRoutes = routeTable({
  listWebhookDeliveries: {
    method: 'GET',
    path: '/webhooks/{subscriptionId}/deliveries',
    summary: 'A webhook subscription’s recent deliveries, newest first: each event sent, its state and every try (agency admins); kept 30 days after their last change',
    tag: 'webhooks',
    status: 200,
    schemas: { path: SubscriptionPath, query: PageQuery, response: WebhookDeliveryPage },
    access: { table: 'read' },
    refusals: { 403: onlyAdmins('see webhook deliveries'), 404: 'no webhook subscription has this id' },
  },
  resendWebhookDelivery: {
    method: 'POST',
    path: '/webhooks/{subscriptionId}/deliveries/{deliveryId}/resend',
    summary: `Send a parked (or delivered) webhook delivery again: a new round of tries starts at once, for another ${retryHours} hours, with the same body and webhook-id (agency admins)`,
    tag: 'webhooks',
    status: 202,
    schemas: { path: WebhookDeliveryPath, response: WebhookDeliveryView },
    access: { table: 'readWrite', queues: ['webhook-deliver'] },
    refusals: {
      403: onlyAdmins('send webhook deliveries again'),
      404: 'no such subscription, or no such delivery of it',
      409: 'the delivery is still being tried (the answer says when its next try is), or its subscription is disabled: enable it first',
    },
  },
} satisfies RouteEntries);
