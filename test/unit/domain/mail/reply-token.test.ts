import { describe, expect, it } from 'vitest';
import {
  replyAddress,
  replyKeyOf,
  ReplyTokenError,
  replyTokenLifetimeDays,
  replyTokenOf,
  signReplyToken,
  verifyReplyToken,
  type ReplyTokenRefusal,
} from '../../../../lib/domain/mail/reply-token.js';

const key = Buffer.alloc(32, 7);
const otherKey = Buffer.alloc(32, 8);
const userId = '3f2b8c1e-9a4d-4e6f-8b7a-0c1d2e3f4a5b';
const issuedAt = new Date('2026-11-24T09:05:00.000Z');
const issueDay = new Date('2026-11-24T00:00:00.000Z');
const now = new Date('2026-11-25T10:00:00.000Z');
const dayMs = 86_400_000;
const token = signReplyToken(key, { requestId: '2026-0042', userId, issuedAt })!;
const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';

/** Plain base32 helpers of the test's own, to edit the token's bytes. */
const decode = (text: string): Buffer => {
  let bits = '';
  for (const char of text) bits += alphabet.indexOf(char).toString(2).padStart(5, '0');
  return Buffer.from(bits.match(/.{8}/g)!.map((byte) => parseInt(byte, 2)));
};
const encode = (bytes: Buffer): string => {
  const bits = [...bytes].map((byte) => byte.toString(2).padStart(8, '0')).join('');
  return (bits.padEnd(Math.ceil(bits.length / 5) * 5, '0').match(/.{5}/g) ?? []).map((chunk) => alphabet[parseInt(chunk, 2)]).join('');
};

const refusal = (given: string, at = now, verifyKey = key): ReplyTokenRefusal => {
  try {
    verifyReplyToken(verifyKey, given, at);
  } catch (error) {
    expect(error).toBeInstanceOf(ReplyTokenError);
    expect((error as ReplyTokenError).name).toBe('ReplyTokenError');
    return (error as ReplyTokenError).reason;
  }
  throw new Error(`expected ${given} to be refused`);
};

describe('reply tokens', () => {
  it('returns the signed request and person, and the issue day', () => {
    expect(verifyReplyToken(key, token, now)).toEqual({ requestId: '2026-0042', userId, issuedAt: issueDay });
  });

  it('round-trips the largest request numbers a request id may have', () => {
    for (const requestId of ['2026-999999', '9999-0001', '2020-0000']) {
      expect(verifyReplyToken(key, signReplyToken(key, { requestId, userId, issuedAt })!, now).requestId).toBe(requestId);
    }
  });

  it('is lowercase base32 of 34 bytes: with reply+ it fits a 64-character local part', () => {
    expect(token).toMatch(/^[a-z2-7]{55}$/);
    expect(decode(token)).toHaveLength(34);
    expect(`reply+${token}`.length).toBe(61);
    expect(`reply+${token}`.length).toBeLessThanOrEqual(64);
  });

  it('gives a person who is not a UUID no token', () => {
    expect(signReplyToken(key, { requestId: '2026-0042', userId: 'user-jana', issuedAt })).toBeUndefined();
    expect(signReplyToken(key, { requestId: '2026-0042', userId: userId.toUpperCase(), issuedAt })).toBeUndefined();
  });

  it('refuses to sign what it could not give back as it was', () => {
    expect(() => signReplyToken(key, { requestId: '2026-00042', userId, issuedAt })).toThrow(RangeError);
    expect(() => signReplyToken(key, { requestId: '2026-42', userId, issuedAt })).toThrow(RangeError);
    expect(() => signReplyToken(key, { requestId: '2026-0042', userId, issuedAt: new Date('2019-12-31T23:59:59Z') })).toThrow(RangeError);
  });

  it('calls a token forged when any one bit of it is flipped', () => {
    const bytes = decode(token);
    for (let bit = 0; bit < bytes.length * 8; bit++) {
      const flipped = Buffer.from(bytes);
      flipped[bit >> 3]! ^= 0x80 >> (bit & 7);
      expect(refusal(encode(flipped)), `bit ${bit}`).toBe('forged');
    }
  });

  it('calls a token forged under another key, and a link key is not the reply key', () => {
    expect(refusal(token, now, otherKey)).toBe('forged');
    expect(refusal(signReplyToken(replyKeyOf(key), { requestId: '2026-0042', userId, issuedAt })!)).toBe('forged');
  });

  it('calls truncated, lengthened, garbage and non-canonical spellings malformed', () => {
    expect(refusal(token.slice(0, -1))).toBe('malformed');
    expect(refusal(token.slice(0, 40))).toBe('malformed');
    expect(refusal(`${token}a`)).toBe('malformed');
    expect(refusal('')).toBe('malformed');
    expect(refusal('not-a-token')).toBe('malformed');
    expect(refusal(`${token.slice(0, -1)}1`)).toBe('malformed');
    expect(refusal(`${token.slice(0, -1)}=`)).toBe('malformed');
    // The last character carries 2 bits and 3 spare ones: set spare bits spell the same bytes, and are refused.
    const last = alphabet.indexOf(token.at(-1)!);
    expect(refusal(`${token.slice(0, -1)}${alphabet[last ^ 1]}`)).toBe('malformed');
  });

  it('expires replyTokenLifetimeDays after its issue day', () => {
    expect(replyTokenLifetimeDays).toBe(180);
    const end = issueDay.getTime() + 180 * dayMs;
    expect(verifyReplyToken(key, token, new Date(end - 1)).requestId).toBe('2026-0042');
    expect(refusal(token, new Date(end))).toBe('expired');
    expect(refusal(token, new Date(end + 400 * dayMs))).toBe('expired');
  });

  it('checks the MAC before the age: an old forged token is forged', () => {
    expect(refusal(token, new Date(issueDay.getTime() + 365 * dayMs), otherKey)).toBe('forged');
  });

  it('accepts the token as a mail server may have upper-cased it', () => {
    expect(verifyReplyToken(key, token.toUpperCase(), now).userId).toBe(userId);
    expect(verifyReplyToken(key, token.slice(0, 20).toUpperCase() + token.slice(20), now).userId).toBe(userId);
  });

  it('derives a 32-byte reply key of its own from the link key', () => {
    expect(replyKeyOf(key)).toHaveLength(32);
    expect(replyKeyOf(key).equals(replyKeyOf(Buffer.alloc(32, 7)))).toBe(true);
    expect(replyKeyOf(key).equals(key)).toBe(false);
    expect(replyKeyOf(key).equals(replyKeyOf(otherKey))).toBe(false);
  });
});

describe('reply addresses', () => {
  const domain = 'reply.orderdesk.example';

  it('puts the token in the local part', () => {
    expect(replyAddress(token, domain)).toBe(`reply+${token}@reply.orderdesk.example`);
  });

  it('finds the token of a reply address, in any case, bare or with a display name', () => {
    expect(replyTokenOf(replyAddress(token, domain), domain)).toBe(token);
    expect(replyTokenOf(replyAddress(token, domain).toUpperCase(), domain)).toBe(token);
    expect(replyTokenOf(`"Azami Helpdesk" <${replyAddress(token, domain)}>`, domain)).toBe(token);
    expect(replyTokenOf(` ${replyAddress(token, domain)} `, 'REPLY.orderdesk.example')).toBe(token);
  });

  it('finds nothing in any other address', () => {
    expect(replyTokenOf(replyAddress(token, 'reply.elsewhere.example'), domain)).toBeUndefined();
    expect(replyTokenOf(replyAddress(token, `x.${domain}`), domain)).toBeUndefined();
    expect(replyTokenOf(`reply-${token}@${domain}`, domain)).toBeUndefined();
    expect(replyTokenOf(`helpdesk@${domain}`, domain)).toBeUndefined();
    expect(replyTokenOf(`reply+@${domain}`, domain)).toBeUndefined();
    expect(replyTokenOf(`reply+${token}+x@${domain}`, domain)).toBeUndefined();
    expect(replyTokenOf(`x.reply+${token}@${domain}`, domain)).toBeUndefined();
    expect(replyTokenOf(token, domain)).toBeUndefined();
  });
});
