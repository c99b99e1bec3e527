import { createHmac, timingSafeEqual } from 'node:crypto';

/** How far a webhook's timestamp may be from now, either way: older deliveries are replays. */
export const replayWindowSeconds = 5 * 60;

/** The signature a payment provider sends: `v1=` and the hex HMAC-SHA256 of `<timestamp>.<raw body>`. */
export const webhookSignature = (secret: string, timestamp: string, rawBody: Buffer | string): string =>
  `v1=${createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex')}`;

export type WebhookRefusal = 'missing' | 'malformed' | 'stale' | 'mismatch';

/**
 * Checks a delivery: the timestamp (epoch seconds) within the replay window of `now`, and the
 * signature over exactly the bytes received, compared in constant time.
 */
export const checkWebhookSignature = (
  secret: string,
  headers: { timestamp?: string; signature?: string },
  rawBody: Buffer,
  now: Date,
): WebhookRefusal | undefined => {
  const { timestamp, signature } = headers;
  if (!timestamp || !signature) return 'missing';
  if (!/^\d{1,12}$/.test(timestamp) || !/^v1=[0-9a-f]{64}$/.test(signature)) return 'malformed';
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > replayWindowSeconds) return 'stale';
  const expected = Buffer.from(webhookSignature(secret, timestamp, rawBody));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? undefined : 'mismatch';
};
