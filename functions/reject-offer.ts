import { offerDeps } from '../lib/wiring/order-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { offerRoutes } from '../lib/http/routes/offers.js';
import { rejectOffer } from '../lib/services/offers-orders/offers.js';

export const handler = createHandler(offerRoutes.rejectOffer)(({ identity, path, body, origin }) =>
  rejectOffer(offerDeps, identity, path.requestId, { number: path.offerNumber, contentHash: body.contentHash, reason: body.reason, origin }),
);
