import { describe, expect, it, vi } from 'vitest';
import type { CognitoApi, Tokens } from '../../../portal/src/auth/cognito.js';
import { createSession } from '../../../portal/src/auth/session.js';

/** A Storage over a Map, as localStorage behaves. */
const memoryStorage = (): Storage => {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
};

const tokens = (id: string, expiresAt: number): Tokens => ({ idToken: id, accessToken: `access-${id}`, refreshToken: 'refresh-1', expiresAt });

const fakeCognito = (refresh: CognitoApi['refresh']) => ({ refresh, revoke: vi.fn(async () => undefined) }) as unknown as CognitoApi & { revoke: ReturnType<typeof vi.fn> };

describe("the portal's session", () => {
  it('survives a reload: the tokens are read back from storage', async () => {
    const storage = memoryStorage();
    let now = 1_000_000;
    const cognito = fakeCognito(vi.fn());
    createSession(cognito, storage, () => now).start(tokens('id-1', now + 3_600_000));
    const reloaded = createSession(cognito, storage, () => now);
    expect(reloaded.signedIn()).toBe(true);
    expect(await reloaded.token()).toBe('id-1');
    now += 1;
  });

  it('renews the token with the refresh token before it expires, once for calls that meet', async () => {
    const storage = memoryStorage();
    let now = 1_000_000;
    const refresh = vi.fn(async () => tokens('id-2', now + 3_600_000));
    const session = createSession(fakeCognito(refresh), storage, () => now);
    session.start(tokens('id-1', now + 3_600_000));
    now += 3_600_000 - 30_000; // 30 s left: inside the minute it is renewed ahead
    const [a, b] = await Promise.all([session.token(), session.token()]);
    expect([a, b]).toEqual(['id-2', 'id-2']);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(refresh).toHaveBeenCalledWith('refresh-1');
  });

  it('ends when the refresh token is refused, and tells who listens', async () => {
    const storage = memoryStorage();
    const now = 1_000_000;
    const session = createSession(fakeCognito(vi.fn(async () => Promise.reject(new Error('NotAuthorizedException')))), storage, () => now);
    session.start(tokens('id-1', now - 1));
    const ended = vi.fn();
    session.subscribe(ended);
    expect(await session.token()).toBeUndefined();
    expect(session.signedIn()).toBe(false);
    expect(storage.getItem('orderdesk.session')).toBeNull();
    expect(ended).toHaveBeenCalled();
  });

  it('remembers, across a reload, that a session ended unasked, so the sign-in can say so; a first visit and a sign-out do not', async () => {
    const storage = memoryStorage();
    const now = 1_000_000;
    const cognito = fakeCognito(vi.fn(async () => Promise.reject(new Error('NotAuthorizedException'))));
    expect(createSession(cognito, storage, () => now).ended()).toBe(false);

    const refused = createSession(cognito, storage, () => now);
    refused.start(tokens('id-1', now - 1));
    expect(refused.ended()).toBe(false);
    await refused.token();
    expect(createSession(cognito, storage, () => now).ended()).toBe(true);

    // Signing in again forgets it; a sign-out is no ended session either.
    refused.start(tokens('id-2', now + 3_600_000));
    expect(refused.ended()).toBe(false);
    await refused.end();
    expect(createSession(cognito, storage, () => now).ended()).toBe(false);

    // The API refused even the renewed token.
    refused.start(tokens('id-3', now + 3_600_000));
    await refused.end('refused');
    expect(createSession(cognito, storage, () => now).ended()).toBe(true);
  });

  it('revokes the refresh token on sign-out and forgets the tokens', async () => {
    const storage = memoryStorage();
    const cognito = fakeCognito(vi.fn());
    const session = createSession(cognito, storage, () => 0);
    session.start(tokens('id-1', 3_600_000));
    await session.end();
    expect(cognito.revoke).toHaveBeenCalledWith('refresh-1');
    expect(session.signedIn()).toBe(false);
    expect(storage.getItem('orderdesk.session')).toBeNull();
  });
});
