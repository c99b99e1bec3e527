import { webhookDeliveriesDeps } from '../lib/wiring/webhook-delivery-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { webhookDeliveryRoutes } from '../lib/http/routes/webhook-deliveries.js';
import { listDeliveries } from '../lib/services/webhooks/deliveries.js';

export const handler = createHandler(webhookDeliveryRoutes.listWebhookDeliveries)(({ identity, path, query }) =>
  listDeliveries(webhookDeliveriesDeps, identity, path.subscriptionId, query.limit, query.cursor),
);
