import { webhookRetryDeps } from '../lib/wiring/webhook-delivery-deps.js';
import { createFunctionHandler } from '../lib/lambda/create-function-handler.js';
import { functions } from '../lib/lambda/table.js';
import { queueDueDeliveries } from '../lib/services/webhooks/retry-due.js';

export const handler = createFunctionHandler(functions.webhookRetry)(() => queueDueDeliveries(webhookRetryDeps));
