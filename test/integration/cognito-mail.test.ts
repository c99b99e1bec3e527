import {
  AdminCreateUserCommand,
  CognitoIdentityProviderClient,
  ConfirmForgotPasswordCommand,
  ForgotPasswordCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { ensureCognitoUser } from '../../local/cognito.js';
import { localCredentials, localRegion } from '../../local/local-aws.js';
import { sentMailFile } from '../../local/ses.js';
import { localMailFrom } from '../../local/stack.js';
import { mailsTo, type SentMail } from '../support/mailbox.js';

const stack = inject('stack');
const cognito = new CognitoIdentityProviderClient({ endpoint: stack.cognitoUrl, region: localRegion, credentials: localCredentials });
const clientId = stack.userPool.appClientIds.azami;
afterAll(() => cognito.destroy());

/** A person of this test alone, so no other test's sign-in or inbox is touched. */
const freshEmail = (label: string) => `${label}.${randomUUID().slice(0, 8)}@cognito-mail.example`;

/** The values the account mail sets apart to copy (username, temporary password or code), in order. */
const tokensOf = (mail: SentMail) => [...(mail.body.html ?? '').matchAll(/font-family:Consolas[^"]*">([^<]*)<\/span>/g)].map((match) => match[1]!);

/** The one mail to `address` so far: Cognito's send completed before its call answered. */
const onlyMailTo = async (address: string) => {
  const mails = await mailsTo(address);
  expect(mails.map((mail) => mail.subject)).toHaveLength(1);
  const [mail] = mails;
  expect(mail!.from).toBe(localMailFrom);
  // Kept like every other mail, so it is still in the inbox after a restart.
  expect(fs.readFileSync(sentMailFile(stack.dataDir), 'utf8')).toContain(mail!.messageId);
  return mail!;
};

const signIn = (email: string, password: string) =>
  cognito.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: password } }));

describe("Cognito's own mails in the local inbox", () => {
  it('delivers the password reset code, which resets the password', async () => {
    const email = freshEmail('forgetful');
    await ensureCognitoUser(cognito, stack.userPool.userPoolId, { email, name: 'Filip Forgetful', password: 'Old-password-1' });

    await cognito.send(new ForgotPasswordCommand({ ClientId: clientId, Username: email, ClientMetadata: { language: 'en' } }));
    const mail = await onlyMailTo(email);
    expect(mail.subject).toBe('Reset your Azami password');
    const [code] = tokensOf(mail);
    expect(code).toMatch(/^\d{6}$/);

    await cognito.send(new ConfirmForgotPasswordCommand({ ClientId: clientId, Username: email, ConfirmationCode: code, Password: 'New-password-2' }));
    const { AuthenticationResult } = await signIn(email, 'New-password-2');
    expect(AuthenticationResult?.IdToken).toBeTruthy();
  });

  it('delivers the invitation with the temporary password, which asks for a new password', async () => {
    const email = freshEmail('invitee');
    await cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: stack.userPool.userPoolId,
        Username: email,
        DesiredDeliveryMediums: ['EMAIL'],
        // As lib/adapters/cognito/account-directory.ts invites a participant.
        ClientMetadata: { requestId: '2026-0042', requestTitle: 'Broken login', platform: 'digimadi', language: 'en' },
        UserAttributes: [
          { Name: 'email', Value: email },
          { Name: 'email_verified', Value: 'true' },
          { Name: 'name', Value: 'Ivana Invitee' },
        ],
      }),
    );
    const mail = await onlyMailTo(email);
    expect(mail.subject).toBe('Your invitation to Digimadi');
    expect(mail.body.html).toContain('#2026-0042');
    // The username and the temporary password, placeholders filled in (the person signs in with the e-mail address).
    const [username, temporaryPassword] = tokensOf(mail);
    expect(username).toBeTruthy();
    expect(temporaryPassword).toBeTruthy();
    expect(mail.body.html).not.toMatch(/\{####\}|\{username\}/);

    const challenge = await signIn(email, temporaryPassword!);
    expect(challenge.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    const answered = await cognito.send(
      new RespondToAuthChallengeCommand({
        ClientId: clientId,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: challenge.Session,
        ChallengeResponses: { USERNAME: email, NEW_PASSWORD: 'Chosen-password-3' },
      }),
    );
    expect(answered.AuthenticationResult?.IdToken).toBeTruthy();
  });
});
