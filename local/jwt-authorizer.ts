import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';

export interface JwtAuthorizerOptions {
  issuer: string;
  audiences: readonly string[];
  jwksUrl: string;
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
export const createJwtAuthorizer = ({ issuer, audiences, jwksUrl }: JwtAuthorizerOptions) => {
  const keys = createRemoteJWKSet(new URL(jwksUrl));
  return async (authorization: string | undefined): Promise<Record<string, string> | undefined> => {
    const token = authorization?.replace(/^Bearer\s+/i, '').trim();
    if (!token) return undefined;
    try {
      const { payload } = await jwtVerify(token, keys, { issuer, algorithms: ['RS256'], requiredClaims: ['exp'] });
      const audience = payload.aud ?? payload['client_id'];
      const presented = Array.isArray(audience) ? audience : [audience];
      if (!presented.some((value) => typeof value === 'string' && audiences.includes(value))) return undefined;
      return claimsAsApiGatewayPassesThem(payload);
    } catch {
      return undefined;
    }
  };
};
