import { webhookDeliveriesDeps } from '../lib/wiring/webhook-delivery-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { webhookDeliveryRoutes } from '../lib/http/routes/webhook-deliveries.js';
import { resendDelivery } from '../lib/services/webhooks/deliveries.js';

export const handler = createHandler(webhookDeliveryRoutes.resendWebhookDelivery)(({ identity, path }) =>
  resendDelivery(webhookDeliveriesDeps, identity, path.subscriptionId, path.deliveryId),
);
