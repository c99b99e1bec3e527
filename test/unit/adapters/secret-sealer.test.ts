import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { aesGcmSealer, sealingKeyOf } from '../../../lib/adapters/secrets/secret-sealer.js';
import { newWebhookSecret } from '../../../lib/domain/webhooks/standard-webhooks.js';

const sealer = aesGcmSealer(async () => sealingKeyOf('the-stage-key-material'));

/** A sealed value with one of its four parts changed by one bit. */
const flipped = (sealed: string, part: number): string => {
  const parts = sealed.split('.');
  const bytes = Buffer.from(parts[part]!, 'base64url');
  bytes[0] = bytes[0]! ^ 1;
  parts[part] = bytes.toString('base64url');
  return parts.join('.');
};

describe('the webhook secret sealer', () => {
  it('opens what it sealed, and never stores the secret in clear', async () => {
    const secret = newWebhookSecret();
    const sealed = await sealer.seal(secret);
    expect(sealed).not.toContain(secret.slice('whsec_'.length, 20));
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    await expect(sealer.open(sealed)).resolves.toBe(secret);
  });

  it('seals the same secret differently each time (a fresh IV), both opening to it', async () => {
    const secret = newWebhookSecret();
    const [a, b] = await Promise.all([sealer.seal(secret), sealer.seal(secret)]);
    expect(a).not.toBe(b);
    await expect(Promise.all([sealer.open(a), sealer.open(b)])).resolves.toEqual([secret, secret]);
  });

  it('refuses a tampered sealed value: its IV, its ciphertext or its tag changed', async () => {
    const sealed = await sealer.seal(newWebhookSecret());
    for (const part of [1, 2, 3]) await expect(sealer.open(flipped(sealed, part)), `part ${part}`).rejects.toThrow();
  });

  it('refuses a value sealed with another key, and one that is not sealed at all', async () => {
    const other = aesGcmSealer(async () => sealingKeyOf(randomBytes(32).toString('hex')));
    await expect(sealer.open(await other.seal(newWebhookSecret()))).rejects.toThrow();
    await expect(sealer.open(newWebhookSecret())).rejects.toThrow(/Not a sealed/);
    await expect(sealer.open('v2.a.b.c')).rejects.toThrow(/Not a sealed/);
  });
});
