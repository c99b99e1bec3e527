import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
  UsernameExistsException,
  type AttributeType,
} from '@aws-sdk/client-cognito-identity-provider';
import * as z from 'zod';
import { EnvName, readEnv } from '../../config/env.js';
import { traced } from '../../observability/tracer.js';
import type { UserStore } from '../dynamodb/user-store.js';
import type { UserInvitations } from '../../services/ports/people.js';

const cognito = traced(new CognitoIdentityProviderClient({}));
const userPoolId = () => readEnv(EnvName.userPoolId, z.string().min(1));

const subOf = (attributes: AttributeType[] | undefined): string => {
  const sub = attributes?.find((a) => a.Name === 'sub')?.Value;
  if (!sub) throw new Error('Cognito returned a user without sub');
  return sub;
};

/**
 * People: logins live in Cognito, what they may do in the user items. A new participant gets a
 * Cognito user (Cognito e-mails the invitation with a temporary password) and a user item.
 */
export const cognitoInvitations = (users: Pick<UserStore, 'put'>): UserInvitations => ({
  async inviteNewUser(email, name, now, to) {
    let sub: string;
    try {
      const created = await cognito.send(
        new AdminCreateUserCommand({
          UserPoolId: userPoolId(),
          Username: email,
          DesiredDeliveryMediums: ['EMAIL'],
          // The custom-message trigger writes the invitation from these (lib/services/mail/account-mail.ts).
          ClientMetadata: { requestId: to.requestId, requestTitle: to.requestTitle.slice(0, 200), platform: to.platform, language: to.language },
          UserAttributes: [
            { Name: 'email', Value: email },
            { Name: 'email_verified', Value: 'true' },
            { Name: 'name', Value: name },
          ],
        }),
      );
      sub = subOf(created.User?.Attributes);
    } catch (error) {
      // A login without a user item (an earlier invitation that failed halfway): adopt it.
      if (!(error instanceof UsernameExistsException)) throw error;
      sub = subOf((await cognito.send(new AdminGetUserCommand({ UserPoolId: userPoolId(), Username: email }))).UserAttributes);
    }
    const user = { userId: sub, email: email.toLowerCase(), name, role: 'participant' as const, createdAt: now.toISOString() };
    await users.put(user);
    return user;
  },
});
