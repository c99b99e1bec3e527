import {
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
  UserNotFoundException,
  UsernameExistsException,
  type AttributeType,
} from '@aws-sdk/client-cognito-identity-provider';
import * as z from 'zod';
import { EnvName, readEnv } from '../../config/env.js';
import { ConflictError } from '../../domain/errors.js';
import { traced } from '../../observability/tracer.js';
import type { AccountDirectory, InvitationMail } from '../../services/ports/people.js';

const cognito = traced(new CognitoIdentityProviderClient({}));
const userPoolId = () => readEnv(EnvName.userPoolId, z.string().min(1));

const subOf = (attributes: AttributeType[] | undefined): string => {
  const sub = attributes?.find((a) => a.Name === 'sub')?.Value;
  if (!sub) throw new Error('Cognito returned a user without sub');
  return sub;
};

/** What the custom-message trigger writes the invitation from (lib/services/mail/account-mail.ts); Cognito passes strings only. */
const clientMetadata = (mail: InvitationMail): Record<string, string> =>
  Object.fromEntries(
    Object.entries({
      platform: mail.platform,
      language: mail.language,
      organisationName: mail.organisationName?.slice(0, 200),
      requestId: mail.requestId,
      requestTitle: mail.requestTitle?.slice(0, 200),
    }).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );

const ignoringMissing = async (call: () => Promise<unknown>) => {
  try {
    await call();
  } catch (error) {
    if (!(error instanceof UserNotFoundException)) throw error;
  }
};

/**
 * The logins, in the one user pool. Cognito e-mails an invitation with a temporary password that
 * works for the pool's TemporaryPasswordValidityDays; the custom-message trigger writes it in the
 * person's brand and language. The e-mail address is an alias of each login, so it addresses them.
 */
export const cognitoAccountDirectory = (): AccountDirectory => ({
  async invite(email, name, mail) {
    try {
      const created = await cognito.send(
        new AdminCreateUserCommand({
          UserPoolId: userPoolId(),
          Username: email,
          DesiredDeliveryMediums: ['EMAIL'],
          ClientMetadata: clientMetadata(mail),
          UserAttributes: [
            { Name: 'email', Value: email },
            { Name: 'email_verified', Value: 'true' },
            { Name: 'name', Value: name },
          ],
        }),
      );
      return subOf(created.User?.Attributes);
    } catch (error) {
      // A login without a user item (an earlier invitation that failed halfway): adopt it.
      if (!(error instanceof UsernameExistsException)) throw error;
      return subOf((await cognito.send(new AdminGetUserCommand({ UserPoolId: userPoolId(), Username: email }))).UserAttributes);
    }
  },

  async resendInvitation(email, mail) {
    if ((await this.awaitingFirstSignIn(email)) !== true) {
      throw new ConflictError(`${email} has signed in already: there is no invitation to send again`, 'If they forgot their password, they reset it on the sign-in page');
    }
    await cognito.send(new AdminCreateUserCommand({ UserPoolId: userPoolId(), Username: email, MessageAction: 'RESEND', DesiredDeliveryMediums: ['EMAIL'], ClientMetadata: clientMetadata(mail) }));
  },

  async awaitingFirstSignIn(email) {
    try {
      const found = await cognito.send(new AdminGetUserCommand({ UserPoolId: userPoolId(), Username: email }));
      return found.UserStatus === 'FORCE_CHANGE_PASSWORD';
    } catch (error) {
      if (error instanceof UserNotFoundException) return undefined;
      throw error;
    }
  },

  async disable(email) {
    await cognito.send(new AdminDisableUserCommand({ UserPoolId: userPoolId(), Username: email }));
    // Disabling stops sign-ins; the refresh tokens already given out are revoked too.
    await cognito.send(new AdminUserGlobalSignOutCommand({ UserPoolId: userPoolId(), Username: email }));
  },

  enable: async (email) => {
    await cognito.send(new AdminEnableUserCommand({ UserPoolId: userPoolId(), Username: email }));
  },

  delete: (email) => ignoringMissing(() => cognito.send(new AdminDeleteUserCommand({ UserPoolId: userPoolId(), Username: email }))),
});
