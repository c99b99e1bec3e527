import { workflowDeps } from '../lib/wiring/order-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { reviewRoutes } from '../lib/http/routes/review.js';
import { handOver } from '../lib/services/review/handovers.js';

export const handler = createHandler(reviewRoutes.handOver)(({ identity, path, body }) => handOver(workflowDeps, identity, path.requestId, body));
