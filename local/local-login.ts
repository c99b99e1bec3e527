import { AdminGetUserCommand, AdminSetUserPasswordCommand, NotAuthorizedException, UserNotFoundException } from '@aws-sdk/client-cognito-identity-provider';
import type { Platform } from '../lib/domain/platform.js';
import { cognitoClient, logIn } from './cognito.js';
import { findDemoUser } from './demo-data.js';
import { LocalStackError } from './local-stack-error.js';

/**
 * The password `npm run token` gives a local user who is not a demo user, such as someone invited
 * by e-mail, whose temporary password cognito-local only writes to its log. Local only: the pool is
 * cognito-local under the data dir, and every demo password is printed at start just the same.
 */
export const localUserPassword = 'Local-User-Password-1';

/** Where the running local stack's pool is (`<dataDir>/stack.json` has it). */
export interface LocalPoolAddress {
  cognitoUrl: string;
  userPool: { userPoolId: string; appClientIds: Record<Platform, string> };
}

/**
 * An ID token of any user of the local pool, logged in the way the portal does. A demo user logs in
 * with the demo password. Anyone else logs in with `localUserPassword`; when that fails (an
 * invitation not yet taken up, or a password chosen elsewhere), the password is first set to it,
 * permanently, as an administrator can in Cognito: that also completes an invitation's first login,
 * as choosing a password in the portal would. `passwordSet` says whether that happened.
 */
export const localLogin = (pool: LocalPoolAddress, email: string, platform: Platform): Promise<{ token: string; passwordSet: boolean }> =>
  signIn(pool, email, platform).catch((error: unknown) => {
    // Cognito's words for a disabled login, said in orderdesk's: the person was deactivated.
    if (error instanceof NotAuthorizedException && /disabled/i.test(error.message)) {
      throw new LocalStackError(`${email} is deactivated (their login is disabled): an admin reactivates them (POST /people/{userId}/reactivate), or the agency reactivates their organisation`);
    }
    throw error;
  });

const signIn = async (pool: LocalPoolAddress, email: string, platform: Platform): Promise<{ token: string; passwordSet: boolean }> => {
  const clientId = pool.userPool.appClientIds[platform];
  const demo = findDemoUser(email);
  if (demo) return { token: await logIn(pool.cognitoUrl, clientId, demo.email, demo.password), passwordSet: false };

  const client = cognitoClient(pool.cognitoUrl);
  try {
    const user = await client.send(new AdminGetUserCommand({ UserPoolId: pool.userPool.userPoolId, Username: email })).catch((error: unknown) => {
      if (error instanceof UserNotFoundException) throw new LocalStackError(`${email} is not a user of the local pool (invite them first, or use a demo user)`);
      throw error;
    });
    // Refused before the password is touched: a deactivated person keeps the one they chose.
    if (user.Enabled === false) throw new NotAuthorizedException({ message: 'User is disabled.', $metadata: {} });
    if (user.UserStatus === 'CONFIRMED') {
      const token = await logIn(pool.cognitoUrl, clientId, email, localUserPassword).catch(() => undefined);
      if (token) return { token, passwordSet: false };
    }
    await client.send(
      new AdminSetUserPasswordCommand({ UserPoolId: pool.userPool.userPoolId, Username: email, Password: localUserPassword, Permanent: true }),
    );
    return { token: await logIn(pool.cognitoUrl, clientId, email, localUserPassword), passwordSet: true };
  } finally {
    client.destroy();
  }
};
