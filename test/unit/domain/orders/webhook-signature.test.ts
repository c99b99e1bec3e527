import { describe, expect, it } from 'vitest';
import { checkWebhookSignature, webhookSignature } from '../../../../lib/domain/orders/webhook-signature.js';

const secret = 'shh';
const body = Buffer.from('{"paymentId":"p1"}');
const now = new Date('2026-11-25T12:00:00Z');
const ts = String(now.getTime() / 1000);

describe('the payment webhook’s signature', () => {
  it('accepts the HMAC of the timestamp and the exact raw body', () => {
    expect(checkWebhookSignature(secret, { timestamp: ts, signature: webhookSignature(secret, ts, body) }, body, now)).toBeUndefined();
  });

  it('refuses another body, another secret, a missing or malformed header', () => {
    const signature = webhookSignature(secret, ts, body);
    expect(checkWebhookSignature(secret, { timestamp: ts, signature }, Buffer.from('{"paymentId":"p2"}'), now)).toBe('mismatch');
    expect(checkWebhookSignature('other', { timestamp: ts, signature }, body, now)).toBe('mismatch');
    expect(checkWebhookSignature(secret, { timestamp: ts }, body, now)).toBe('missing');
    expect(checkWebhookSignature(secret, { timestamp: ts, signature: 'sha256=abc' }, body, now)).toBe('malformed');
  });

  it('refuses a delivery older than 5 minutes (a replay), and one from the future', () => {
    const old = String(now.getTime() / 1000 - 301);
    expect(checkWebhookSignature(secret, { timestamp: old, signature: webhookSignature(secret, old, body) }, body, now)).toBe('stale');
    const future = String(now.getTime() / 1000 + 301);
    expect(checkWebhookSignature(secret, { timestamp: future, signature: webhookSignature(secret, future, body) }, body, now)).toBe('stale');
    const recent = String(now.getTime() / 1000 - 299);
    expect(checkWebhookSignature(secret, { timestamp: recent, signature: webhookSignature(secret, recent, body) }, body, now)).toBeUndefined();
  });
});
