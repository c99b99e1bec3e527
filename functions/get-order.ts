import { fileServiceDeps } from '../lib/wiring/file-service-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { offerRoutes } from '../lib/http/routes/offers.js';
import { getOrder } from '../lib/services/offers-orders/orders.js';

export const handler = createHandler(offerRoutes.getOrder)(({ identity, path }) => getOrder(fileServiceDeps, identity, path.requestId));
