import fs from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import { webhookSignature } from '../lib/domain/orders/webhook-signature.js';

/** The local stack's generated secret for the payment webhook (`<dataDir>/secrets.json`). */
export const localWebhookSecret = (dataDir: string): string =>
  z.object({ 'payment-webhook': z.string() }).parse(JSON.parse(fs.readFileSync(path.join(dataDir, 'secrets.json'), 'utf8')))['payment-webhook'];

/**
 * Posts a payment to the running stack's webhook as the payment provider would: signed at `at`
 * (the stack's business time, so it is inside the replay window) with the local secret, or with
 * `secret` to see a wrong signature refused. Used by `npm run pay`, the bench and the tests.
 */
export const deliverPayment = async (
  stack: { apiUrl: string; dataDir: string },
  payment: Record<string, unknown>,
  at: Date,
  secret = localWebhookSecret(stack.dataDir),
): Promise<{ status: number; body: Record<string, unknown> }> => {
  const body = JSON.stringify(payment);
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const response = await fetch(`${stack.apiUrl}/payments/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-orderdesk-timestamp': timestamp, 'x-orderdesk-signature': webhookSignature(secret, timestamp, body) },
    body,
  });
  return { status: response.status, body: z.record(z.string(), z.unknown()).parse(await response.json()) };
};
