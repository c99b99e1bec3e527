import { workflowDeps } from '../lib/adapters/order-deps.js';
import { createFunctionHandler } from '../lib/functions/create-function-handler.js';
import { functions } from '../lib/functions/table.js';
import { beginWait } from '../lib/services/workflow-tasks.js';

export const handler = createFunctionHandler(functions.workflowAwait)(async ({ event }) => ({
  requestId: event.requestId,
  waiting: (await beginWait(workflowDeps, event)) === 'waiting',
}));
