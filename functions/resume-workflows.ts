import { workflowDeps } from '../lib/wiring/order-deps.js';
import { createFunctionHandler } from '../lib/lambda/create-function-handler.js';
import { functions } from '../lib/lambda/table.js';
import { resumeWorkflows } from '../lib/services/workflow/workflow-tasks.js';

export const handler = createFunctionHandler(functions.resumeWorkflows)(({ event }) => resumeWorkflows(workflowDeps, { all: event.all }));
