import { offerDeps } from '../lib/wiring/order-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { offerRoutes } from '../lib/http/routes/offers.js';
import { listOffers } from '../lib/services/offers-orders/offers.js';

export const handler = createHandler(offerRoutes.listOffers)(({ identity, path }) => listOffers(offerDeps, identity, path.requestId));
