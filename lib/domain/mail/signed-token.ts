import { createHmac, timingSafeEqual } from 'node:crypto';
import * as z from 'zod';
import { ValidationError } from '../errors.js';

/** What a link in a mail lets its holder do without logging in: open (see) the request, or mute it. Nothing binding. */
export const LinkPurpose = z.enum(['open', 'mute']);
export type LinkPurpose = z.infer<typeof LinkPurpose>;

/** How long a link in a mail works. An unsubscribe link must keep working long after the mail. */
export const linkLifetimeDays: Record<LinkPurpose, number> = { open: 30, mute: 365 };

const Claims = z.strictObject({ p: LinkPurpose, r: z.string().max(20), u: z.string().max(128), e: z.number().int().positive() });
export type LinkClaims = { purpose: LinkPurpose; requestId: string; userId: string; expiresAt: Date };

export class LinkExpiredError extends Error {
  override readonly name = 'LinkExpiredError';
}

const mac = (key: Buffer, payload: string) => createHmac('sha256', key).update(`orderdesk-link\n${payload}`).digest();

/** `<claims>.<hmac>`, both base64url: a person's link to one request for one purpose, until it expires. */
export const signLink = (key: Buffer, claims: LinkClaims): string => {
  const payload = Buffer.from(
    JSON.stringify({ p: claims.purpose, r: claims.requestId, u: claims.userId, e: Math.floor(claims.expiresAt.getTime() / 1000) }),
  ).toString('base64url');
  return `${payload}.${mac(key, payload).toString('base64url')}`;
};

const refused = (field: string) => new ValidationError([{ field, reason: 'is not a link orderdesk made' }]);

/**
 * The claims of a link this deployment signed for `purpose`, or a ValidationError naming `field`
 * (forged, edited, of another purpose), or a LinkExpiredError. The MAC is checked first, in
 * constant time, before anything of the payload is trusted.
 */
export const verifyLink = (key: Buffer, token: string, purpose: LinkPurpose, now: Date, field: string): LinkClaims => {
  const [payload, signature, ...rest] = token.split('.');
  if (!payload || !signature || rest.length > 0 || !/^[\w-]+$/.test(payload) || !/^[\w-]+$/.test(signature)) throw refused(field);
  const expected = mac(key, payload);
  const given = Buffer.from(signature, 'base64url');
  // Only the canonical spelling: base64url's last character has spare bits, which must not make
  // several strings of one link (a token may be used as a key).
  if (given.length !== expected.length || given.toString('base64url') !== signature || !timingSafeEqual(given, expected)) throw refused(field);
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw refused(field);
  }
  const claims = Claims.safeParse(json);
  if (!claims.success || claims.data.p !== purpose) throw refused(field);
  const expiresAt = new Date(claims.data.e * 1000);
  if (expiresAt.getTime() <= now.getTime()) throw new LinkExpiredError(`This link expired on ${expiresAt.toISOString().slice(0, 10)}`);
  return { purpose, requestId: claims.data.r, userId: claims.data.u, expiresAt };
};
