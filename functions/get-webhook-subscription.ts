import { webhookAdminDeps } from '../lib/wiring/webhook-admin-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { webhookRoutes } from '../lib/http/routes/webhooks.js';
import { getWebhookSubscription } from '../lib/services/webhooks/subscriptions.js';

export const handler = createHandler(webhookRoutes.getWebhookSubscription)(({ identity, path }) => getWebhookSubscription(webhookAdminDeps, identity, path.subscriptionId));
