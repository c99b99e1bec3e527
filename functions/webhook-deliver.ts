import { webhookSenderDeps } from '../lib/wiring/webhook-delivery-deps.js';
import { createFunctionHandler } from '../lib/lambda/create-function-handler.js';
import { functions } from '../lib/lambda/table.js';
import { deliverQueued } from '../lib/services/webhooks/deliver.js';

export const handler = createFunctionHandler(functions.webhookDeliver)(({ event }) => deliverQueued(webhookSenderDeps, event));
