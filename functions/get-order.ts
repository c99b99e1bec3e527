import { fileServiceDeps } from '../lib/wiring/file-service-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { routes } from '../lib/http/routes.js';
import { getOrder } from '../lib/services/offers-orders/orders.js';

export const handler = createHandler(routes.getOrder)(({ identity, path }) => getOrder(fileServiceDeps, identity, path.requestId));
