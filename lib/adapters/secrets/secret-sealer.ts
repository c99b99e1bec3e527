import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { SecretSealer } from '../../services/ports/webhooks.js';

/** The sealed form's version: `v1.<iv>.<ciphertext>.<tag>`, each part base64url. */
const version = 'v1';
const ivBytes = 12;
const tagBytes = 16;

/**
 * The AES-256 key of `material` (the `webhook-keys` secret's value): HKDF-SHA256 with a label of
 * its own, so the secret's text (letters and digits, of whatever length) is never the key itself.
 */
export const sealingKeyOf = (material: string): Buffer =>
  Buffer.from(hkdfSync('sha256', Buffer.from(material, 'utf8'), Buffer.alloc(0), 'orderdesk webhook signing secrets v1', 32));

/**
 * Seals webhook subscriptions' signing secrets for the table with AES-256-GCM: a table export, a
 * backup or a person's data export holds only sealed values, which open only with the stage's key
 * (Secrets Manager). A tampered or foreign sealed value fails to open (GCM's tag), never opens
 * to another secret.
 */
export const aesGcmSealer = (key: () => Promise<Buffer>): SecretSealer => ({
  async seal(secret) {
    const iv = randomBytes(ivBytes);
    const cipher = createCipheriv('aes-256-gcm', await key(), iv, { authTagLength: tagBytes });
    const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return [version, iv, ciphertext, cipher.getAuthTag()].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
  },
  async open(sealed) {
    const [given, iv, ciphertext, tag, ...rest] = sealed.split('.');
    if (given !== version || iv === undefined || ciphertext === undefined || tag === undefined || rest.length > 0) {
      throw new Error('Not a sealed webhook secret of this version');
    }
    const decipher = createDecipheriv('aes-256-gcm', await key(), Buffer.from(iv, 'base64url'), { authTagLength: tagBytes });
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    // final() throws when the tag does not match: tampered, or sealed with another key.
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  },
});
