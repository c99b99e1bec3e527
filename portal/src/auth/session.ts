import type { CognitoApi, Tokens } from './cognito.js';

/** What a JWT's payload says (read only for display and expiry: the API verifies the token). */
export const claimsOf = (token: string): Record<string, unknown> => {
  try {
    const payload = token.split('.')[1] ?? '';
    const json = decodeURIComponent(
      atob(payload.replace(/-/g, '+').replace(/_/g, '/'))
        .split('')
        .map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
        .join(''),
    );
    return JSON.parse(json) as Record<string, unknown>;
  } catch {
    return {};
  }
};

const storageKey = 'orderdesk.session';
/**
 * Set when a session ended without the person signing out (its renewal or the API refused it), so
 * the sign-in page can say so; a first visit or a sign-out leaves it unset and says nothing.
 */
const endedKey = 'orderdesk.session-ended';
/** Tokens are renewed this long before they expire, so a call never leaves with a dying one. */
const renewAheadMs = 60_000;

/**
 * The signed-in person's tokens, kept in localStorage so a reload keeps the session, and renewed
 * with the refresh token when they near expiry. When renewal fails (revoked, expired), the session
 * ends and `onEnded` tells the app, which shows the sign-in again; what the person typed is kept
 * by the drafts, not here. `ended()` tells such an end from a first visit or a sign-out.
 */
export const createSession = (cognito: CognitoApi, storage: Storage, now: () => number = Date.now) => {
  let tokens: Tokens | undefined;
  try {
    const kept = JSON.parse(storage.getItem(storageKey) ?? 'null') as Tokens | null;
    if (kept && typeof kept.idToken === 'string' && typeof kept.refreshToken === 'string') tokens = kept;
  } catch {
    storage.removeItem(storageKey);
  }
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((listener) => listener());
  let renewing: Promise<string | undefined> | undefined;

  const keep = (next: Tokens | undefined, endedUnasked = false) => {
    tokens = next;
    if (next) storage.setItem(storageKey, JSON.stringify(next));
    else storage.removeItem(storageKey);
    if (endedUnasked) storage.setItem(endedKey, new Date(now()).toISOString());
    else storage.removeItem(endedKey);
    changed();
  };

  const renew = (): Promise<string | undefined> => {
    const refreshToken = tokens?.refreshToken;
    if (!refreshToken) return Promise.resolve(undefined);
    renewing ??= cognito
      .refresh(refreshToken)
      .then((fresh) => (keep(fresh), fresh.idToken))
      .catch(() => (keep(undefined, true), undefined))
      .finally(() => (renewing = undefined));
    return renewing;
  };

  return {
    signedIn: () => tokens !== undefined,
    /** The ID token the API takes, renewed first when it is about to expire; undefined once the session ended. */
    token: async (): Promise<string | undefined> => {
      if (!tokens) return undefined;
      return tokens.expiresAt - renewAheadMs > now() ? tokens.idToken : renew();
    },
    /** After the API refused the token (401): one renewal, then the session ends if that fails too. */
    renew,
    start: (fresh: Tokens) => keep(fresh),
    claims: () => (tokens ? claimsOf(tokens.idToken) : {}),
    /** True once a session ended that the person did not end themselves, until the next sign-in or sign-out. */
    ended: () => storage.getItem(endedKey) !== null,
    /** Signing out (`signed-out`), or the API refused a renewed token (`refused`): `ended()` tells them apart. */
    end: async (reason: 'signed-out' | 'refused' = 'signed-out') => {
      const refreshToken = tokens?.refreshToken;
      keep(undefined, reason === 'refused');
      if (refreshToken) await cognito.revoke(refreshToken).catch(() => undefined);
    },
    subscribe: (listener: () => void) => (listeners.add(listener), () => void listeners.delete(listener)),
  };
};

export type Session = ReturnType<typeof createSession>;
