import { workflowDeps } from '../lib/wiring/order-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { routes } from '../lib/http/routes.js';
import { recordPayment } from '../lib/services/offers-orders/payments.js';

export const handler = createHandler(routes.recordPayment)(({ identity, path, body }) => recordPayment(workflowDeps, identity, path.requestId, body));
