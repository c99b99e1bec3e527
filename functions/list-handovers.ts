import { serviceDeps } from '../lib/wiring/service-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { reviewRoutes } from '../lib/http/routes/review.js';
import { listHandovers } from '../lib/services/review/handovers.js';

export const handler = createHandler(reviewRoutes.listHandovers)(({ identity, path }) => listHandovers(serviceDeps, identity, path.requestId));
