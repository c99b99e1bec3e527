import { Duration, RemovalPolicy, type Stack } from 'aws-cdk-lib';
import { AccountRecovery, Mfa, UserPool, UserPoolClient, UserPoolEmail } from 'aws-cdk-lib/aws-cognito';
import { invitationValidityDays } from '../../lib/domain/people.js';
import { platforms, type Platform } from '../../lib/domain/platform.js';
import { acknowledge } from '../acknowledge.js';
import type { StageConfig } from '../stage-config.js';

export interface Users {
  userPool: UserPool;
  /** Each platform's app client (named after the platform), by platform. */
  appClientIds: Record<Platform, string>;
}

/**
 * The user pool (invitation only, email sign-in, optional TOTP, retained) and one app client per
 * platform. Made directly in `stack`. Its custom-message trigger is `addUserPoolTriggers`'.
 */
export const addUserPool = (stack: Stack, config: StageConfig): Users => {
  const userPool = new UserPool(stack, 'Users', {
    // The agency invites people; nobody signs up on their own.
    selfSignUpEnabled: false,
    signInAliases: { email: true },
    signInCaseSensitive: false,
    autoVerify: { email: true },
    standardAttributes: { email: { required: true, mutable: true }, fullname: { required: false, mutable: true } },
    passwordPolicy: {
      minLength: 12,
      requireLowercase: true,
      requireUppercase: true,
      requireDigits: true,
      requireSymbols: true,
      // An invitation expires with its temporary password; the API says when (PersonView.invitationExpiresAt).
      tempPasswordValidity: Duration.days(invitationValidityDays),
    },
    accountRecovery: AccountRecovery.EMAIL_ONLY,
    mfa: Mfa.OPTIONAL,
    mfaSecondFactor: { sms: false, otp: true },
    userInvitation: {
      emailSubject: 'Your orderdesk helpdesk account',
      emailBody: 'You were invited to the helpdesk. Log in with {username} and the temporary password {####}.',
    },
    // Only a sender named in the context is a verified identity; the stage's placeholder is not.
    email: config.mailFromGiven ? UserPoolEmail.withSES({ fromEmail: config.mailFrom, sesVerifiedDomain: config.mailFrom.split('@')[1] }) : undefined,
    deletionProtection: config.deletionProtection,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  acknowledge(
    userPool,
    'AwsSolutions-COG2',
    'MFA is offered (TOTP) and required of nobody: clients log in now and then to decide on offers and deliveries, by invitation only (no self sign-up); the agency may require it per person',
  );
  acknowledge(
    userPool,
    'AwsSolutions-COG8',
    'The Plus plan’s threat protection is billed per active user; an invitation-only pool whose app clients hide whether a user exists, with a 12-character password policy, stays on Essentials until a risk calls for it',
  );

  const clients = platforms.map((platform) => {
    const client = new UserPoolClient(stack, `${platform[0]!.toUpperCase()}${platform.slice(1)}Client`, {
      userPool,
      userPoolClientName: platform,
      generateSecret: false,
      authFlows: { userSrp: true, userPassword: true },
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      enableTokenRevocation: true,
    });
    return [platform, client.userPoolClientId] as const;
  });
  return { userPool, appClientIds: Object.fromEntries(clients) as Record<Platform, string> };
};
