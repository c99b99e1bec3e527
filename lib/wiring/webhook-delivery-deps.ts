import * as z from 'zod';
import { EnvName, readEnv } from '../config/env.js';
import { portalUrlOf } from '../config/portal-urls.js';
import { clock } from '../adapters/clock.js';
import { documentClient, tableName } from '../adapters/dynamodb/document-client.js';
import { dynamoMailPeopleStore } from '../adapters/dynamodb/mail-people-store.js';
import { dynamoRequestStore } from '../adapters/dynamodb/request-store.js';
import { dynamoUnitOfWork } from '../adapters/dynamodb/unit-of-work.js';
import { dynamoUserStore } from '../adapters/dynamodb/user-store.js';
import { dynamoWebhookDeliveryStore } from '../adapters/dynamodb/webhook-delivery-store.js';
import { httpWebhookSender } from '../adapters/http/webhook-sender.js';
import { businessMetrics } from '../adapters/metrics.js';
import { sesFromEnvironment, sesMailer } from '../adapters/ses/ses-mailer.js';
import { queueFromEnvironment, sqsDeliveryQueue } from '../adapters/sqs/delivery-queue.js';
import type { WebhookDeliveriesDeps, WebhookFanOutDeps, WebhookRetryDeps, WebhookSenderDeps } from '../services/ports/webhooks.js';
import { addressResolver, allowLoopbackHttp, webhookSecretSealer, webhookSubscriptions } from './webhook-deps.js';

/**
 * The delivery side of webhooks: the fan-out, the sender, the retry sweep and the deliveries
 * routes, each given only what it uses (so none bundles the other stores). Every decision reads
 * the business clock.
 */
const now = () => clock.now();
const deliveries = dynamoWebhookDeliveryStore(documentClient, tableName, now);
const queue = sqsDeliveryQueue(queueFromEnvironment('webhook-deliver'));
const unitOfWork = dynamoUnitOfWork(documentClient);

export const webhookFanOutDeps: WebhookFanOutDeps = {
  requests: dynamoRequestStore(documentClient, tableName),
  subscriptions: webhookSubscriptions,
  deliveries,
  queue,
  links: { portalUrl: portalUrlOf, apiUrl: () => readEnv(EnvName.apiUrl, z.url()) },
  now,
};

export const webhookSenderDeps: WebhookSenderDeps = {
  deliveries,
  subscriptions: webhookSubscriptions,
  sealer: webhookSecretSealer,
  sender: httpWebhookSender({ resolver: addressResolver, allowLoopbackHttp }),
  queue,
  unitOfWork,
  adminMail: {
    people: dynamoMailPeopleStore(documentClient, tableName),
    mailer: sesMailer(sesFromEnvironment),
    site: {
      portalUrl: portalUrlOf,
      get mailFrom() {
        return readEnv(EnvName.mailFrom, z.email());
      },
    },
  },
  now,
  metrics: businessMetrics,
};

export const webhookRetryDeps: WebhookRetryDeps = { deliveries, queue, now };

export const webhookDeliveriesDeps: WebhookDeliveriesDeps = {
  users: dynamoUserStore(documentClient, tableName),
  subscriptions: webhookSubscriptions,
  deliveries,
  queue,
  unitOfWork,
  now,
};
