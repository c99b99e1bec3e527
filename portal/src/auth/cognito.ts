/**
 * Cognito's user-pool API, called directly: six JSON calls are all the portal needs, and the SDK
 * or Amplify would be most of the first page's budget. The same calls work against AWS and
 * cognito-local. No call here needs AWS credentials: the app client id is the caller.
 */
export interface Tokens {
  idToken: string;
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds the ID token expires at. */
  expiresAt: number;
}

/** A refusal of Cognito's, by its exception name (`NotAuthorizedException`, `CodeMismatchException`, …). */
export class CognitoError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export type SignInResult = { tokens: Tokens } | { newPasswordRequired: { session: string } };

interface AuthenticationResult {
  IdToken?: string;
  AccessToken?: string;
  RefreshToken?: string;
  ExpiresIn?: number;
}

export const cognitoApi = (endpoint: string, clientId: string, now: () => number = Date.now) => {
  const call = async (target: string, body: Record<string, unknown>): Promise<Record<string, unknown>> => {
    let response: Response;
    try {
      response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${target}` },
        body: JSON.stringify(body),
      });
    } catch {
      throw new CognitoError('NetworkError', 'sign-in service unreachable');
    }
    const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok) {
      const type = typeof answer.__type === 'string' ? answer.__type.split('#').pop()! : `Http${response.status}`;
      throw new CognitoError(type, typeof answer.message === 'string' ? answer.message : type);
    }
    return answer;
  };

  const tokensOf = (result: AuthenticationResult | undefined, refreshToken?: string): Tokens => {
    const refresh = result?.RefreshToken ?? refreshToken;
    if (!result?.IdToken || !result.AccessToken || !refresh) throw new CognitoError('NoTokens', 'Cognito answered without tokens');
    return { idToken: result.IdToken, accessToken: result.AccessToken, refreshToken: refresh, expiresAt: now() + (result.ExpiresIn ?? 3600) * 1000 };
  };

  const signedIn = (answer: Record<string, unknown>): SignInResult => {
    if (answer.ChallengeName === 'NEW_PASSWORD_REQUIRED' && typeof answer.Session === 'string') return { newPasswordRequired: { session: answer.Session } };
    if (answer.ChallengeName) throw new CognitoError('UnsupportedChallenge', String(answer.ChallengeName));
    return { tokens: tokensOf(answer.AuthenticationResult as AuthenticationResult | undefined) };
  };

  return {
    signIn: async (email: string, password: string) =>
      signedIn(await call('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: email, PASSWORD: password } })),
    /** The first sign-in of an invited person: the temporary password is replaced by their own. */
    setNewPassword: async (email: string, session: string, password: string) =>
      signedIn(
        await call('RespondToAuthChallenge', {
          ChallengeName: 'NEW_PASSWORD_REQUIRED',
          ClientId: clientId,
          Session: session,
          ChallengeResponses: { USERNAME: email, NEW_PASSWORD: password },
        }),
      ),
    refresh: async (refreshToken: string) =>
      tokensOf(
        (await call('InitiateAuth', { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: clientId, AuthParameters: { REFRESH_TOKEN: refreshToken } }))
          .AuthenticationResult as AuthenticationResult | undefined,
        refreshToken,
      ),
    forgotPassword: async (email: string) => void (await call('ForgotPassword', { ClientId: clientId, Username: email })),
    confirmForgotPassword: async (email: string, code: string, password: string) =>
      void (await call('ConfirmForgotPassword', { ClientId: clientId, Username: email, ConfirmationCode: code, Password: password })),
    /** Ends the refresh token's life, so a stolen copy cannot renew the session. */
    revoke: async (refreshToken: string) => void (await call('RevokeToken', { ClientId: clientId, Token: refreshToken })),
  };
};

export type CognitoApi = ReturnType<typeof cognitoApi>;
