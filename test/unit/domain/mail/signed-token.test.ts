import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../../lib/domain/errors.js';
import { LinkExpiredError, signLink, verifyLink, type LinkClaims } from '../../../../lib/domain/mail/signed-token.js';

const key = Buffer.alloc(32, 7);
const otherKey = Buffer.alloc(32, 8);
const now = new Date('2026-11-24T09:05:00.000Z');
const claims: LinkClaims = { purpose: 'open', requestId: '2026-0042', userId: 'user-jana', expiresAt: new Date('2026-12-24T09:05:00.000Z') };
const token = signLink(key, claims);
const [payload, signature] = token.split('.') as [string, string];

const errorOf = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
};

const expectRefused = (given: string, field = 'query.link', verifyKey = key) => {
  const error = errorOf(() => verifyLink(verifyKey, given, 'open', now, field));
  expect(error).toBeInstanceOf(ValidationError);
  expect((error as ValidationError).problems.map((p) => p.field)).toEqual([field]);
};

const reencoded = (change: Record<string, unknown>) => {
  const json = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  return `${Buffer.from(JSON.stringify({ ...json, ...change })).toString('base64url')}.${signature}`;
};

describe('signLink and verifyLink', () => {
  it('returns the signed claims for a link it signed', () => {
    expect(verifyLink(key, token, 'open', now, 'query.link')).toEqual(claims);
  });

  it('returns the claims of a mute link verified as mute', () => {
    const mute = signLink(key, { ...claims, purpose: 'mute' });
    expect(verifyLink(key, mute, 'mute', now, 'path.token')).toEqual({ ...claims, purpose: 'mute' });
  });

  it('accepts a link up to the second before it expires', () => {
    expect(verifyLink(key, token, 'open', new Date(claims.expiresAt.getTime() - 1000), 'query.link').requestId).toBe('2026-0042');
  });

  it('refuses an expired link with a LinkExpiredError, from the moment it expires', () => {
    expect(errorOf(() => verifyLink(key, token, 'open', claims.expiresAt, 'query.link'))).toBeInstanceOf(LinkExpiredError);
    expect(errorOf(() => verifyLink(key, token, 'open', new Date('2027-06-01T00:00:00.000Z'), 'query.link'))).toBeInstanceOf(LinkExpiredError);
  });

  it('refuses a link signed with another key, naming the given field', () => {
    expectRefused(token, 'query.link', otherKey);
    expectRefused(signLink(otherKey, claims), 'body.link');
  });

  it('refuses an edited payload carrying the old signature', () => {
    expectRefused(reencoded({ r: '2026-0043' }));
    expectRefused(reencoded({ u: 'user-eva' }));
    expectRefused(reencoded({ e: 9_999_999_999 }));
  });

  it('refuses a truncated signature', () => {
    expectRefused(`${payload}.${signature.slice(0, -1)}`);
    expectRefused(`${payload}.${signature.slice(0, 20)}`);
    expectRefused(`${payload}.`);
  });

  it('refuses a token with extra dots', () => {
    expectRefused(`${token}.`);
    expectRefused(`${token}.${signature}`);
    expectRefused(`${payload}..${signature}`);
  });

  it('refuses a token with characters outside base64url', () => {
    expectRefused(`${payload}.${signature.slice(0, -1)}=`);
    expectRefused(`${payload}.${signature.slice(0, -1)}+`);
    expectRefused(`${payload.slice(0, -1)}/.${signature}`);
    expectRefused(`${payload} .${signature}`);
  });

  it.each(['', 'garbage', '.', 'a.b', '%%%.%%%', 'x'.repeat(500)])('refuses garbage %j', (given) => {
    expectRefused(given, 'path.token');
  });

  it('refuses a mute link verified as open', () => {
    expectRefused(signLink(key, { ...claims, purpose: 'mute' }));
  });

  it('refuses an open link verified as mute', () => {
    const error = errorOf(() => verifyLink(key, token, 'mute', now, 'path.token'));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).problems.map((p) => p.field)).toEqual(['path.token']);
  });

  it('accepts only the canonical spelling of a signature (base64url’s spare bits changed refuse it)', () => {
    const last = signature.at(-1)!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const sameBits = alphabet[(alphabet.indexOf(last) & ~3) | ((alphabet.indexOf(last) + 1) & 3)]!;
    expect(Buffer.from(`${signature.slice(0, -1)}${sameBits}`, 'base64url').equals(Buffer.from(signature, 'base64url'))).toBe(true);
    expectRefused(`${payload}.${signature.slice(0, -1)}${sameBits}`);
  });

  it('writes a signature of constant length in base64url', () => {
    const signatures = [
      claims,
      { ...claims, requestId: '2026-000001', userId: 'u' },
      { ...claims, purpose: 'mute' as const, userId: 'x'.repeat(128) },
    ].map((c) => signLink(key, c).split('.')[1] ?? '');
    for (const s of signatures) expect(s).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Set(signatures).size).toBe(3);
  });
});
