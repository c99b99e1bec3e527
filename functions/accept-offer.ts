import { offerDeps } from '../lib/wiring/order-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { offerRoutes } from '../lib/http/routes/offers.js';
import { acceptOffer } from '../lib/services/offers-orders/offers.js';

export const handler = createHandler(offerRoutes.acceptOffer)(({ identity, path, body, origin }) =>
  acceptOffer(offerDeps, identity, path.requestId, { number: path.offerNumber, contentHash: body.contentHash, origin }),
);
