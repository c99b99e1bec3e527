import { secretValue } from '../adapters/secrets/secrets.js';

/** The key the payment provider signs its webhook deliveries with (a secret, cached per cold start); only the webhook's function reads it. */
export const paymentWebhookKey = () => secretValue('payment-webhook');
