import { offerDeps } from '../lib/wiring/order-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { routes } from '../lib/http/routes.js';
import { postOffer } from '../lib/services/offers-orders/offers.js';

export const handler = createHandler(routes.postOffer)(({ identity, path, body }) => postOffer(offerDeps, identity, path.requestId, body));
