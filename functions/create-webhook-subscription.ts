import { webhookAdminDeps } from '../lib/wiring/webhook-admin-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { webhookRoutes } from '../lib/http/routes/webhooks.js';
import { createWebhookSubscription } from '../lib/services/webhooks/subscriptions.js';

export const handler = createHandler(webhookRoutes.createWebhookSubscription)(({ identity, body }) => createWebhookSubscription(webhookAdminDeps, identity, body));
