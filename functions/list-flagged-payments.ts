import { serviceDeps } from '../lib/wiring/service-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { offerRoutes } from '../lib/http/routes/offers.js';
import { listFlaggedPayments } from '../lib/services/offers-orders/flagged-payments.js';

export const handler = createHandler(offerRoutes.listFlaggedPayments)(({ identity, query }) => listFlaggedPayments(serviceDeps, identity, query.limit, query.cursor));
