import { serviceDeps } from '../lib/wiring/service-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { offerRoutes } from '../lib/http/routes/offers.js';
import { resolveFlaggedPayment } from '../lib/services/offers-orders/flagged-payments.js';

export const handler = createHandler(offerRoutes.resolveFlaggedPayment)(({ identity, path, body }) => resolveFlaggedPayment(serviceDeps, identity, path.paymentId, body.note));
