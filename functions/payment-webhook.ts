import { workflowDeps } from '../lib/wiring/order-deps.js';
import { secretValue } from '../lib/adapters/secrets/secrets.js';
import { createHandler } from '../lib/http/create-handler.js';
import { routes } from '../lib/http/routes.js';
import { receivePaymentWebhook } from '../lib/services/offers-orders/payments.js';

export const handler = createHandler(routes.paymentWebhook)(async ({ rawBody, headers }) =>
  receivePaymentWebhook(workflowDeps, await secretValue('payment-webhook'), {
    rawBody,
    timestamp: headers['x-orderdesk-timestamp'],
    signature: headers['x-orderdesk-signature'],
  }),
);
