import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';

/** Verified tokens remembered until they expire; the oldest go first. */
const maxVerifiedTokens = 1000;

export interface JwtAuthorizerOptions {
  issuer: string;
  audiences: readonly string[];
  jwksUrl: string;
  /** The clock expiry is checked against (tests move it). */
  now?: () => Date;
}

/** API Gateway hands claims to the function as strings; arrays look like `[a b]`. */
export const claimsAsApiGatewayPassesThem = (payload: JWTPayload): Record<string, string> =>
  Object.fromEntries(
    Object.entries(payload).map(([name, value]) => [
      name,
      Array.isArray(value) ? `[${value.join(' ')}]` : typeof value === 'object' ? JSON.stringify(value) : String(value),
    ]),
  );

/**
 * The HTTP API JWT authorizer, locally: signature against the pool's JWKS, issuer, expiry (which
 * must be present, as API Gateway requires `exp`) and not-before, then `aud` (ID tokens) or else `client_id` (access tokens) among the audiences.
 * Returns the claims to pass on, or undefined for the 401 API Gateway would answer.
 */
export const createJwtAuthorizer = ({ issuer, audiences, jwksUrl, now = () => new Date() }: JwtAuthorizerOptions) => {
  const keys = createRemoteJWKSet(new URL(jwksUrl));
  // A token verified once stays valid until its `exp`: a portal sends the same token with every
  // call, so checking its signature again each time (0.1–0.2 ms) would only slow the local API.
  const verified = new Map<string, { claims: Record<string, string>; expiresAt: number }>();
  return async (authorization: string | undefined): Promise<Record<string, string> | undefined> => {
    const token = authorization?.replace(/^Bearer\s+/i, '').trim();
    if (!token) return undefined;
    const known = verified.get(token);
    if (known) {
      if (known.expiresAt > now().getTime()) return known.claims;
      verified.delete(token);
    }
    try {
      const { payload } = await jwtVerify(token, keys, { issuer, algorithms: ['RS256'], requiredClaims: ['exp'], currentDate: now() });
      const audience = payload.aud ?? payload['client_id'];
      const presented = Array.isArray(audience) ? audience : [audience];
      if (!presented.some((value) => typeof value === 'string' && audiences.includes(value))) return undefined;
      const claims = claimsAsApiGatewayPassesThem(payload);
      if (verified.size >= maxVerifiedTokens) verified.delete(verified.keys().next().value!);
      verified.set(token, { claims, expiresAt: (payload.exp ?? 0) * 1000 });
      return claims;
    } catch {
      return undefined;
    }
  };
};
