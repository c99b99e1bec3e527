import { workflowDeps } from '../lib/wiring/order-deps.js';
import { createFunctionHandler } from '../lib/lambda/create-function-handler.js';
import { functions } from '../lib/lambda/table.js';
import { beginWait } from '../lib/services/workflow/workflow-tasks.js';

export const handler = createFunctionHandler(functions.workflowAwait)(async ({ event }) => ({
  requestId: event.requestId,
  waiting: (await beginWait(workflowDeps, event)) === 'waiting',
}));
