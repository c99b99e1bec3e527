import { workflowDeps } from '../lib/wiring/order-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { offerRoutes } from '../lib/http/routes/offers.js';
import { recordPayment } from '../lib/services/offers-orders/payments.js';

export const handler = createHandler(offerRoutes.recordPayment)(({ identity, path, body }) => recordPayment(workflowDeps, identity, path.requestId, body));
