import { offerDeps } from '../lib/wiring/order-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { routes } from '../lib/http/routes.js';
import { listOffers } from '../lib/services/offers-orders/offers.js';

export const handler = createHandler(routes.listOffers)(({ identity, path }) => listOffers(offerDeps, identity, path.requestId));
