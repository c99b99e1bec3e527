import { newWebhookSecret } from '../domain/webhooks/standard-webhooks.js';
import type { WebhookAdminDeps } from '../services/ports/deps.js';
import { serviceDeps } from './service-deps.js';
import { addressResolver, allowLoopbackHttp, webhookSecretSealer, webhookSubscriptions } from './webhook-deps.js';

/** The agency admins' webhook subscription routes: the subscriptions, their secrets' sealer, the resolver, the log. */
export const webhookAdminDeps: WebhookAdminDeps = {
  ...serviceDeps,
  subscriptions: webhookSubscriptions,
  sealer: webhookSecretSealer,
  resolver: addressResolver,
  allowLoopbackHttp,
  newSecret: newWebhookSecret,
};
