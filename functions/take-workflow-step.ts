import { serviceDeps } from '../lib/wiring/service-deps.js';
import { createFunctionHandler } from '../lib/lambda/create-function-handler.js';
import { functions } from '../lib/lambda/table.js';
import { takeSystemStep } from '../lib/services/requests/lifecycle-step.js';

export const handler = createFunctionHandler(functions.takeWorkflowStep)(async ({ event, caller }) => {
  const request = await takeSystemStep(serviceDeps, caller, event.requestId, { action: event.action, note: event.note }, { version: event.version });
  return { requestId: request.requestId, status: request.status, version: request.version };
});
