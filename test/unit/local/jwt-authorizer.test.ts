import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimsAsApiGatewayPassesThem, createJwtAuthorizer } from '../../../local/jwt-authorizer.js';

const issuer = 'http://127.0.0.1:9229/local_pool';
let server: http.Server;
/** `expiresIn: null` signs a token without `exp`. */
let sign: (payload: JWTPayload, options?: { expiresIn?: string | null; issuer?: string; otherKey?: boolean }) => Promise<string>;
let authorize: ReturnType<typeof createJwtAuthorizer>;
let jwksUrlOf: () => string;

beforeAll(async () => {
  const key = await generateKeyPair('RS256');
  const stranger = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(key.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  server = http.createServer((_req, res) => res.end(JSON.stringify({ keys: [jwk] })));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  jwksUrlOf = () => `http://127.0.0.1:${port}/jwks.json`;
  authorize = createJwtAuthorizer({ issuer, audiences: ['azami-client', 'digimadi-client'], jwksUrl: jwksUrlOf() });
  sign = (payload, options = {}) => {
    const jwt = new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setIssuer(options.issuer ?? issuer).setIssuedAt();
    if (options.expiresIn !== null) jwt.setExpirationTime(options.expiresIn ?? '1h');
    return jwt.sign(options.otherKey ? stranger.privateKey : key.privateKey);
  };
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the local JWT authorizer', () => {
  it('accepts an ID token of a known app client and passes its claims as strings', async () => {
    const claims = await authorize(`Bearer ${await sign({ sub: 'u1', aud: 'azami-client', email_verified: true })}`);
    expect(claims).toMatchObject({ sub: 'u1', aud: 'azami-client', email_verified: 'true', iss: issuer });
    expect(typeof claims?.exp).toBe('string');
  });

  it('accepts an access token by its client_id', async () => {
    expect(await authorize(`Bearer ${await sign({ sub: 'u1', client_id: 'digimadi-client' })}`)).toMatchObject({ sub: 'u1' });
  });

  it.each([
    ['no header', async () => undefined],
    ['an empty bearer', async () => 'Bearer '],
    ['garbage', async () => 'Bearer not.a.jwt'],
    ['another audience', async () => `Bearer ${await sign({ sub: 'u1', aud: 'someone-else' })}`],
    ['no audience at all', async () => `Bearer ${await sign({ sub: 'u1' })}`],
    ['another issuer', async () => `Bearer ${await sign({ sub: 'u1', aud: 'azami-client' }, { issuer: 'http://evil/pool' })}`],
    ['an expired token', async () => `Bearer ${await sign({ sub: 'u1', aud: 'azami-client' }, { expiresIn: '-1m' })}`],
    // API Gateway's JWT authorizer requires exp; jose alone would accept a token that never expires.
    ['a token without exp', async () => `Bearer ${await sign({ sub: 'u1', aud: 'azami-client' }, { expiresIn: null })}`],
    ['a forged signature', async () => `Bearer ${await sign({ sub: 'u1', aud: 'azami-client' }, { otherKey: true })}`],
  ])('refuses %s', async (_what, header) => {
    expect(await authorize(await header())).toBeUndefined();
  });

  it('writes arrays the way API Gateway does', () => {
    expect(claimsAsApiGatewayPassesThem({ 'cognito:groups': ['agents', 'admins'], iat: 5 })).toEqual({ 'cognito:groups': '[agents admins]', iat: '5' });
  });

  it('remembers a verified token only until it expires', async () => {
    let clock = new Date();
    const remembering = createJwtAuthorizer({ issuer, audiences: ['azami-client'], jwksUrl: jwksUrlOf(), now: () => clock });
    const token = `Bearer ${await sign({ sub: 'u1', aud: 'azami-client' }, { expiresIn: '10m' })}`;
    expect(await remembering(token)).toMatchObject({ sub: 'u1' });
    expect(await remembering(token)).toMatchObject({ sub: 'u1' });
    clock = new Date(clock.getTime() + 11 * 60 * 1000);
    expect(await remembering(token)).toBeUndefined();
  });
});
