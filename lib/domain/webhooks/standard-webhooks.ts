import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Standard Webhooks (https://www.standardwebhooks.com): the signing side, and a verifier for the
 * local receiver and the tests (the `standardwebhooks` npm package verifies the same).
 *
 * A secret is `whsec_` and its key in base64; the signature is HMAC-SHA256 over
 * `<webhook-id>.<webhook-timestamp>.<body>`, sent as `v1,<base64>`; while a rotated secret is
 * still valid, one signature per secret, separated by spaces.
 */
export const secretPrefix = 'whsec_';

/** A new secret: 32 random bytes (the specification asks for 24 to 64). */
export const newWebhookSecret = (): string => `${secretPrefix}${randomBytes(32).toString('base64')}`;

const keyOf = (secret: string): Buffer => Buffer.from(secret.startsWith(secretPrefix) ? secret.slice(secretPrefix.length) : secret, 'base64');

/** One `v1,<base64>` signature of a message. */
export const signature = (secret: string, id: string, timestamp: number, body: string): string =>
  `v1,${createHmac('sha256', keyOf(secret)).update(`${id}.${timestamp}.${body}`).digest('base64')}`;

export interface WebhookHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/** The three headers of a delivery, signed with every secret still valid (the newest first). */
export const signedHeaders = (secrets: readonly string[], id: string, at: Date, body: string): WebhookHeaders => {
  const timestamp = Math.floor(at.getTime() / 1000);
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': secrets.map((secret) => signature(secret, id, timestamp, body)).join(' '),
  };
};

/** How far a delivery's timestamp may be from the receiver's clock, either way. */
export const toleranceSeconds = 5 * 60;

/** Whether a delivery is signed with `secret` and recent: what a receiver checks. */
export const verifies = (secret: string, headers: Partial<WebhookHeaders>, body: string, now: Date): boolean => {
  const id = headers['webhook-id'];
  const timestamp = Number(headers['webhook-timestamp']);
  const given = headers['webhook-signature'];
  if (!id || !Number.isInteger(timestamp) || !given) return false;
  if (Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signature(secret, id, timestamp, body));
  return given.split(' ').some((candidate) => {
    const bytes = Buffer.from(candidate);
    return bytes.length === expected.length && timingSafeEqual(bytes, expected);
  });
};
