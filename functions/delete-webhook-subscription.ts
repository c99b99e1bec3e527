import { webhookAdminDeps } from '../lib/wiring/webhook-admin-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { webhookRoutes } from '../lib/http/routes/webhooks.js';
import { deleteWebhookSubscription } from '../lib/services/webhooks/subscriptions.js';

export const handler = createHandler(webhookRoutes.deleteWebhookSubscription)(({ identity, path }) => deleteWebhookSubscription(webhookAdminDeps, identity, path.subscriptionId));
