import { serviceDeps } from '../lib/adapters/service-deps.js';
import { createFunctionHandler } from '../lib/functions/create-function-handler.js';
import { functions } from '../lib/functions/table.js';
import { checkpoint } from '../lib/services/workflow-tasks.js';

export const handler = createFunctionHandler(functions.workflowCheckpoint)(({ event }) => checkpoint(serviceDeps, event));
