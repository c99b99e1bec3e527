import { offerDeps } from '../lib/wiring/order-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { offerRoutes } from '../lib/http/routes/offers.js';
import { postOffer } from '../lib/services/offers-orders/offers.js';

export const handler = createHandler(offerRoutes.postOffer)(({ identity, path, body }) => postOffer(offerDeps, identity, path.requestId, body));
