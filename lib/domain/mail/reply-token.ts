import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/**
 * The token of a per-recipient reply address, `reply+<token>@<inbound domain>`: it names one
 * request and one person, and only this deployment can make one. Inbound mail to it may post to
 * that request as that person (after the inbound side has also checked the sender and DMARC).
 *
 * A local part is at most 64 characters and mail servers may lowercase it, so the token is
 * lowercase base32 (RFC 4648 alphabet, no padding) of 34 bytes, 55 characters (`reply+` and it: 61):
 *
 * | bytes | what                                                         |
 * |-------|--------------------------------------------------------------|
 * | 1     | version (1)                                                  |
 * | 2     | the request number's year (`2026-0042` → 2026)               |
 * | 3     | its sequence (→ 42)                                          |
 * | 16    | the user id, a Cognito `sub` (a UUID)                        |
 * | 2     | the issue day, days since 2020-01-01 (UTC)                   |
 * | 10    | HMAC-SHA256 over the 24 bytes above, truncated               |
 *
 * The MAC is keyed with the reply key (see `replyKeyOf`) over `orderdesk-reply\n` and the bytes,
 * so it is never the MAC of a link (`orderdesk-link\n…`) even under one key.
 */

/** How long a reply address works, from its issue day: replies to old mail come late. */
export const replyTokenLifetimeDays = 180;

export type ReplyClaims = { requestId: string; userId: string; issuedAt: Date };

/** Why a token is refused: not one of our spellings, a MAC that does not verify, or too old. */
export type ReplyTokenRefusal = 'malformed' | 'forged' | 'expired';

export class ReplyTokenError extends Error {
  override readonly name = 'ReplyTokenError';
  constructor(
    readonly reason: ReplyTokenRefusal,
    message: string,
  ) {
    super(message);
  }
}

const version = 1;
const dayMs = 86_400_000;
const epoch = Date.UTC(2020, 0, 1);
const macLength = 10;
const bodyLength = 1 + 2 + 3 + 16 + 2;
const tokenBytes = bodyLength + macLength;
const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const requestNumber = /^(\d{4})-(\d{4,8})$/;

/**
 * The reply key, derived from the key that signs links in mail (the `mail-links` secret) with
 * HKDF-SHA256 and its own label: no second secret to generate, rotate and grant, and neither key
 * tells anything about the other.
 */
export const replyKeyOf = (linkKey: Buffer): Buffer => Buffer.from(hkdfSync('sha256', linkKey, Buffer.alloc(0), 'orderdesk reply-token key v1', 32));

const macOf = (key: Buffer, body: Buffer) => createHmac('sha256', key).update('orderdesk-reply\n').update(body).digest().subarray(0, macLength);

const base32 = (bytes: Buffer): string => {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return bits > 0 ? out + alphabet[(value << (5 - bits)) & 31] : out;
};

/** The bytes of a lowercase base32 text, or undefined if it has a character outside the alphabet or spare bits set (not the canonical spelling). */
const fromBase32 = (text: string): Buffer | undefined => {
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of text) {
    const digit = alphabet.indexOf(char);
    if (digit < 0) return undefined;
    value = (value << 5) | digit;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
    value &= (1 << bits) - 1;
  }
  // Left over: fewer than 8 bits, which must be zero padding and fewer than 5 of them.
  return bits >= 5 || value !== 0 ? undefined : Buffer.from(bytes);
};

/**
 * The token for a person's replies to a request, or `undefined` when the person's id is not a
 * (lowercase) UUID: such a person gets no reply address, and their mail none (only Cognito's
 * `sub`s, which are UUIDs, can be packed in 64 characters). A request number that is not
 * `formatRequestNumber`'s, or an issue date outside 2020–2199, is a bug: a RangeError.
 */
export const signReplyToken = (key: Buffer, claims: ReplyClaims): string | undefined => {
  if (!uuid.test(claims.userId)) return undefined;
  const number = requestNumber.exec(claims.requestId);
  const year = Number(number?.[1]);
  const sequence = Number(number?.[2]);
  if (!number || sequence > 0xffffff || `${year}-${String(sequence).padStart(4, '0')}` !== claims.requestId) {
    throw new RangeError(`${claims.requestId} is not a request number a reply token can carry`);
  }
  const day = Math.floor((claims.issuedAt.getTime() - epoch) / dayMs);
  if (!(day >= 0 && day <= 0xffff)) throw new RangeError(`A reply token can't be issued on ${claims.issuedAt.toISOString()}`);
  const body = Buffer.alloc(bodyLength);
  body.writeUInt8(version, 0);
  body.writeUInt16BE(year, 1);
  body.writeUIntBE(sequence, 3, 3);
  Buffer.from(claims.userId.replaceAll('-', ''), 'hex').copy(body, 6);
  body.writeUInt16BE(day, 22);
  return base32(Buffer.concat([body, macOf(key, body)]));
};

/**
 * The claims of a token this deployment signed, or a ReplyTokenError: `malformed` (not a token's
 * spelling; the input is lowercased once, and only the canonical spelling then decodes), `forged`
 * (its MAC does not verify: checked in constant time before anything of it is read), `expired`
 * (`replyTokenLifetimeDays` after its issue day, at `now`). `issuedAt` is the issue day's midnight, UTC.
 */
export const verifyReplyToken = (key: Buffer, token: string, now: Date): ReplyClaims => {
  const bytes = fromBase32(token.toLowerCase());
  if (!bytes || bytes.length !== tokenBytes) throw new ReplyTokenError('malformed', 'This is not a reply token');
  const body = bytes.subarray(0, bodyLength);
  if (!timingSafeEqual(bytes.subarray(bodyLength), macOf(key, body))) throw new ReplyTokenError('forged', 'This reply token was not made here');
  if (body.readUInt8(0) !== version) throw new ReplyTokenError('malformed', `Reply tokens of version ${body.readUInt8(0)} are not known here`);
  const hex = body.subarray(6, 22).toString('hex');
  const issuedAt = new Date(epoch + body.readUInt16BE(22) * dayMs);
  if (now.getTime() >= issuedAt.getTime() + replyTokenLifetimeDays * dayMs) {
    throw new ReplyTokenError('expired', `This reply address expired ${replyTokenLifetimeDays} days after ${issuedAt.toISOString().slice(0, 10)}`);
  }
  return {
    requestId: `${body.readUInt16BE(1)}-${String(body.readUIntBE(3, 3)).padStart(4, '0')}`,
    userId: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`,
    issuedAt,
  };
};

const prefix = 'reply+';

/** `reply+<token>@<domain>`. */
export const replyAddress = (token: string, domain: string): string => `${prefix}${token}@${domain}`;

/**
 * The token of a reply address at `domain` (`reply+<token>@<domain>`, any case, bare or as
 * `Name <…>`), lowercased; undefined for any other address. It says nothing about the token: verify it.
 */
export const replyTokenOf = (address: string, domain: string): string | undefined => {
  const bare = (/<([^<>]*)>\s*$/.exec(address)?.[1] ?? address).trim().toLowerCase();
  const at = bare.lastIndexOf('@');
  if (at < 0 || bare.slice(at + 1) !== domain.toLowerCase()) return undefined;
  const local = bare.slice(0, at);
  return local.startsWith(prefix) && /^[a-z2-7]+$/.test(local.slice(prefix.length)) ? local.slice(prefix.length) : undefined;
};
