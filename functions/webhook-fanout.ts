import { webhookFanOutDeps } from '../lib/wiring/webhook-delivery-deps.js';
import { createFunctionHandler } from '../lib/lambda/create-function-handler.js';
import { functions } from '../lib/lambda/table.js';
import { fanOutStreamRecords } from '../lib/services/webhooks/fan-out-stream.js';

export const handler = createFunctionHandler(functions.webhookFanout)(({ event }) => fanOutStreamRecords(webhookFanOutDeps, event));
