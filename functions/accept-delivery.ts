import { workflowDeps } from '../lib/wiring/order-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { reviewRoutes } from '../lib/http/routes/review.js';
import { acceptDelivery } from '../lib/services/review/handovers.js';

export const handler = createHandler(reviewRoutes.acceptDelivery)(({ identity, path, body, origin }) =>
  acceptDelivery(workflowDeps, identity, path.requestId, { round: path.round, origin, ...body }),
);
