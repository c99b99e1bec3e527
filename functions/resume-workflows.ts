import { workflowDeps } from '../lib/adapters/order-deps.js';
import { createFunctionHandler } from '../lib/functions/create-function-handler.js';
import { functions } from '../lib/functions/table.js';
import { resumeWorkflows } from '../lib/services/workflow-tasks.js';

export const handler = createFunctionHandler(functions.resumeWorkflows)(({ event }) => resumeWorkflows(workflowDeps, { all: event.all }));
