import { createHandler } from '../lib/http/create-handler.js';
import { offerRoutes } from '../lib/http/routes/offers.js';
import { receivePaymentWebhook } from '../lib/services/offers-orders/payments.js';
import { workflowDeps } from '../lib/wiring/order-deps.js';
import { paymentWebhookKey } from '../lib/wiring/payment-webhook-key.js';

export const handler = createHandler(offerRoutes.paymentWebhook)(async ({ rawBody, headers }) =>
  receivePaymentWebhook(workflowDeps, await paymentWebhookKey(), {
    rawBody,
    timestamp: headers['x-orderdesk-timestamp'],
    signature: headers['x-orderdesk-signature'],
  }),
);
