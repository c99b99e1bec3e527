import { webhookAdminDeps } from '../lib/wiring/webhook-admin-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { webhookRoutes } from '../lib/http/routes/webhooks.js';
import { changeWebhookSubscription } from '../lib/services/webhooks/subscriptions.js';

export const handler = createHandler(webhookRoutes.changeWebhookSubscription)(({ identity, path, body }) =>
  changeWebhookSubscription(webhookAdminDeps, identity, path.subscriptionId, body),
);
