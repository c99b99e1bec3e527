import { workflowDeps } from '../lib/wiring/order-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { routes } from '../lib/http/routes.js';
import { handOver } from '../lib/services/review/handovers.js';

export const handler = createHandler(routes.handOver)(({ identity, path, body }) => handOver(workflowDeps, identity, path.requestId, body));
