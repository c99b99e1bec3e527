import * as z from 'zod';
import { UnauthenticatedError } from '../domain/errors.js';

/**
 * The claims the API's JWT authorizer passes on (all values arrive as strings). Cognito ID
 * tokens carry `aud` and `email`, access tokens `client_id`; both identify the person by `sub`.
 */
const Claims = z.looseObject({
  sub: z.string().min(1),
  email: z.string().optional(),
  aud: z.string().optional(),
  client_id: z.string().optional(),
});

export interface Identity {
  userId: string;
  email?: string;
  /** The Cognito app client that issued the token, which tells the platform. */
  clientId?: string;
}

export const identityFromClaims = (claims: unknown): Identity => {
  const parsed = Claims.safeParse(claims);
  if (!parsed.success) throw new UnauthenticatedError('The token carries no usable identity', { cause: parsed.error });
  const { sub, email, aud, client_id } = parsed.data;
  return { userId: sub, email, clientId: aud ?? client_id };
};
