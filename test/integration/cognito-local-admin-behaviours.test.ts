import {
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminInitiateAuthCommand,
  AdminSetUserPasswordCommand,
  AdminUserGlobalSignOutCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cognitoClient, ensureCognitoUser, ensureUserPool, startCognito, type LocalUserPool } from '../../local/cognito.js';
import { freePorts } from '../../local/ports.js';
import { localMailFrom } from '../../local/stack.js';
import { clockFile } from '../../local/workflow/clock.js';
import { mailsTo, type SentMail } from '../support/mailbox.js';

const stack = inject('stack');
const shared = { client: cognitoClient(stack.cognitoUrl), userPoolId: stack.userPool.userPoolId, clientId: stack.userPool.appClientIds.digimadi };
afterAll(() => shared.client.destroy());

type Pool = typeof shared;

/** A person of this test alone, so no other test's sign-in or inbox is touched. */
const freshEmail = (label: string) => `${label}.${randomUUID().slice(0, 8)}@cognito-admin.example`;

/** The values the account mail sets apart to copy (username, temporary password), in order (as cognito-mail.test.ts reads them). */
const tokensOf = (mail: SentMail) => [...(mail.body.html ?? '').matchAll(/font-family:Consolas[^"]*">([^<]*)<\/span>/g)].map((match) => match[1]!);

const signIn = (pool: Pool, email: string, password: string) =>
  pool.client.send(new InitiateAuthCommand({ ClientId: pool.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: password } }));

const refresh = (pool: Pool, refreshToken: string) =>
  pool.client.send(new InitiateAuthCommand({ ClientId: pool.clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: refreshToken } }));

const refreshTokenOf = async (signingIn: ReturnType<typeof signIn>) => {
  const token = (await signingIn).AuthenticationResult?.RefreshToken;
  if (!token) throw new Error('the sign-in gave no refresh token');
  return token;
};

const choosePassword = (pool: Pool, email: string, session: string | undefined, password: string) =>
  pool.client.send(
    new RespondToAuthChallengeCommand({
      ClientId: pool.clientId,
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: session,
      ChallengeResponses: { USERNAME: email, NEW_PASSWORD: password },
    }),
  );

const statusOf = async (pool: Pool, email: string) =>
  (await pool.client.send(new AdminGetUserCommand({ UserPoolId: pool.userPoolId, Username: email }))).UserStatus;

/** An invitation as lib/adapters/cognito/account-directory.ts sends one; `temporaryPassword` set, or Cognito's own. */
const invite = (pool: Pool, email: string, options: { resend?: boolean; requestId?: string; temporaryPassword?: string } = {}) =>
  pool.client.send(
    new AdminCreateUserCommand({
      UserPoolId: pool.userPoolId,
      Username: email,
      ...(options.resend ? { MessageAction: 'RESEND' } : {}),
      ...(options.temporaryPassword ? { TemporaryPassword: options.temporaryPassword } : {}),
      DesiredDeliveryMediums: ['EMAIL'],
      ClientMetadata: { requestId: options.requestId ?? '2026-0042', requestTitle: 'Broken login', platform: 'digimadi', language: 'en' },
      UserAttributes: [
        { Name: 'email', Value: email },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'name', Value: 'Ivana Invitee' },
      ],
    }),
  );

const refused = (message: string) => ({ name: 'NotAuthorizedException', message });

describe('cognito-local as AWS Cognito for people management', () => {
  it("refuses a disabled user's sign-in and refresh, and lets them in again once enabled", async () => {
    const email = freshEmail('leaver');
    await ensureCognitoUser(shared.client, shared.userPoolId, { email, name: 'Lena Leaver', password: 'Leaver-password-1' });
    const refreshToken = await refreshTokenOf(signIn(shared, email, 'Leaver-password-1'));

    await shared.client.send(new AdminDisableUserCommand({ UserPoolId: shared.userPoolId, Username: email }));
    await expect(signIn(shared, email, 'Leaver-password-1')).rejects.toMatchObject(refused('User is disabled.'));
    await expect(
      shared.client.send(
        new AdminInitiateAuthCommand({
          UserPoolId: shared.userPoolId,
          ClientId: shared.clientId,
          AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: email, PASSWORD: 'Leaver-password-1' },
        }),
      ),
    ).rejects.toMatchObject(refused('User is disabled.'));
    await expect(refresh(shared, refreshToken)).rejects.toMatchObject(refused('User is disabled.'));
    // A wrong password tells nothing of the account, as in AWS.
    await expect(signIn(shared, email, 'Guessed-password-9')).rejects.toMatchObject(refused('Incorrect username or password.'));

    await shared.client.send(new AdminEnableUserCommand({ UserPoolId: shared.userPoolId, Username: email }));
    const again = await refreshTokenOf(signIn(shared, email, 'Leaver-password-1'));
    expect((await refresh(shared, again)).AuthenticationResult?.IdToken).toBeTruthy();
  });

  it('ends every refresh token of a user signed out globally', async () => {
    const email = freshEmail('everywhere');
    await ensureCognitoUser(shared.client, shared.userPoolId, { email, name: 'Eva Everywhere', password: 'Everywhere-password-1' });
    const onLaptop = await refreshTokenOf(signIn(shared, email, 'Everywhere-password-1'));
    const onPhone = await refreshTokenOf(signIn(shared, email, 'Everywhere-password-1'));
    expect((await refresh(shared, onLaptop)).AuthenticationResult?.IdToken).toBeTruthy();

    const answer = await shared.client.send(new AdminUserGlobalSignOutCommand({ UserPoolId: shared.userPoolId, Username: email }));
    expect(answer.$metadata.httpStatusCode).toBe(200);
    await expect(refresh(shared, onLaptop)).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    await expect(refresh(shared, onPhone)).rejects.toMatchObject({ name: 'NotAuthorizedException' });

    // Signed out, not locked out: a new sign-in gets a refresh token that works.
    const afterwards = await refreshTokenOf(signIn(shared, email, 'Everywhere-password-1'));
    expect((await refresh(shared, afterwards)).AuthenticationResult?.IdToken).toBeTruthy();
    await expect(
      shared.client.send(new AdminUserGlobalSignOutCommand({ UserPoolId: shared.userPoolId, Username: freshEmail('nobody') })),
    ).rejects.toMatchObject({ name: 'UserNotFoundException' });
  });

  it('sends an invitation again with a new temporary password, and refuses a resend to a user who already signed in', async () => {
    const email = freshEmail('invitee');
    await invite(shared, email, { requestId: '2026-0077' });
    const [first] = await mailsTo(email);
    const [, firstPassword] = tokensOf(first!);

    const resent = await invite(shared, email, { resend: true, requestId: '2026-0078' });
    expect(resent.User?.UserStatus).toBe('FORCE_CHANGE_PASSWORD');
    // Sent before the call answered, through the custom-message trigger as an invitation, with this request's ClientMetadata.
    const mails = await mailsTo(email);
    expect(mails).toHaveLength(2);
    const second = mails[1]!;
    expect(second.subject).toBe('Your invitation to Digimadi');
    expect(second.from).toBe(localMailFrom);
    expect(second.body.html).toContain('#2026-0078');
    const [username, secondPassword] = tokensOf(second);
    expect(username).toBe(tokensOf(first!)[0]);
    expect(secondPassword).toBeTruthy();
    expect(secondPassword).not.toBe(firstPassword);

    await expect(signIn(shared, email, firstPassword!)).rejects.toMatchObject(refused('Incorrect username or password.'));
    const challenge = await signIn(shared, email, secondPassword!);
    expect(challenge.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect((await choosePassword(shared, email, challenge.Session, 'Chosen-password-3')).AuthenticationResult?.IdToken).toBeTruthy();
    expect(await statusOf(shared, email)).toBe('CONFIRMED');

    await expect(invite(shared, email, { resend: true })).rejects.toMatchObject({ name: 'UnsupportedUserStateException' });
    expect(await mailsTo(email)).toHaveLength(2);
    await expect(invite(shared, freshEmail('stranger'), { resend: true })).rejects.toMatchObject({ name: 'UserNotFoundException' });
  });

  it('refuses a wrong temporary password', async () => {
    const email = freshEmail('typo');
    await invite(shared, email, { temporaryPassword: 'Temporary-1' });

    const wrong = signIn(shared, email, 'Temporary-2');
    await expect(wrong).rejects.toMatchObject(refused('Incorrect username or password.'));
    expect((await signIn(shared, email, 'Temporary-1')).ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect(await statusOf(shared, email)).toBe('FORCE_CHANGE_PASSWORD');
  });

  it('takes a new password only with the session that the temporary password opened', async () => {
    const email = freshEmail('shortcut');
    await invite(shared, email, { temporaryPassword: 'Temporary-1' });

    await expect(choosePassword(shared, email, randomUUID(), 'Chosen-password-3')).rejects.toMatchObject(refused('Invalid session for the user.'));
    const someoneElse = freshEmail('other');
    await invite(shared, someoneElse, { temporaryPassword: 'Temporary-9' });
    const theirs = await signIn(shared, someoneElse, 'Temporary-9');
    await expect(choosePassword(shared, email, theirs.Session, 'Chosen-password-3')).rejects.toMatchObject(refused('Invalid session for the user.'));
    expect(await statusOf(shared, email)).toBe('FORCE_CHANGE_PASSWORD');

    const mine = await signIn(shared, email, 'Temporary-1');
    expect((await choosePassword(shared, email, mine.Session, 'Chosen-password-3')).AuthenticationResult?.IdToken).toBeTruthy();
    // A session answers once.
    await expect(choosePassword(shared, email, mine.Session, 'Chosen-password-4')).rejects.toMatchObject(refused('Invalid session for the user.'));
  });
});

/**
 * A cognito-local of its own, started as the stack starts it, so its business clock can move days
 * without moving the shared stack's (its anchor is `<dataDir>/clock.json`, written here as the
 * stack's clock writes it). Its invitations go through the shared stack's trigger and SES server.
 */
describe("cognito-local's temporary passwords on the business clock", () => {
  const day = 24 * 60 * 60 * 1000;
  let dataDir: string;
  let cognito: Awaited<ReturnType<typeof startCognito>>;
  let own: Pool;
  /** Business time now is `business`, running at real speed from here. */
  const setBusinessTime = (business: number) => fs.writeFileSync(clockFile(dataDir), JSON.stringify({ business, real: Date.now(), scale: 1 }));

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cognito-local-clock-'));
    const [port] = await freePorts(1);
    cognito = await startCognito('127.0.0.1', port!, dataDir, stack.lambdaUrl, { sesUrl: stack.mailUrl, from: localMailFrom });
    const pool: LocalUserPool = await ensureUserPool(cognito.client, cognito.endpoint);
    own = { client: cognito.client, userPoolId: pool.userPoolId, clientId: pool.appClientIds.digimadi };
  });
  afterAll(async () => {
    await cognito?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("refuses a temporary password older than the pool's validity in business time, and accepts a resent one", async () => {
    // Business time well ahead of the wall clock, as after the stack's clock was advanced.
    const invitedAt = Date.now() + 30 * day;
    setBusinessTime(invitedAt);
    const email = freshEmail('late');
    await invite(own, email, { temporaryPassword: 'Temporary-1' });

    setBusinessTime(invitedAt + 7 * day - 60_000);
    expect((await signIn(own, email, 'Temporary-1')).ChallengeName).toBe('NEW_PASSWORD_REQUIRED');

    setBusinessTime(invitedAt + 7 * day + 60_000);
    await expect(signIn(own, email, 'Temporary-1')).rejects.toMatchObject(
      refused('Temporary password has expired and must be reset by an administrator.'),
    );
    await expect(signIn(own, email, 'Temporary-2')).rejects.toMatchObject(refused('Incorrect username or password.'));

    // The resend restarts the invitation's clock: valid for another 7 business days from now.
    const resentAt = invitedAt + 7 * day + 60_000;
    await invite(own, email, { resend: true, temporaryPassword: 'Temporary-3' });
    setBusinessTime(resentAt + 7 * day - 60_000);
    const challenge = await signIn(own, email, 'Temporary-3');
    expect(challenge.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect((await choosePassword(own, email, challenge.Session, 'Chosen-password-3')).AuthenticationResult?.IdToken).toBeTruthy();
    // A chosen password does not expire.
    setBusinessTime(resentAt + 30 * day);
    expect((await signIn(own, email, 'Chosen-password-3')).AuthenticationResult?.IdToken).toBeTruthy();
  });

  it('gives a temporary password an administrator sets the same validity from when it was set', async () => {
    const invitedAt = Date.now() + 60 * day;
    setBusinessTime(invitedAt);
    const email = freshEmail('reset');
    await invite(own, email, { temporaryPassword: 'Temporary-1' });
    setBusinessTime(invitedAt + 10 * day);
    await expect(signIn(own, email, 'Temporary-1')).rejects.toMatchObject(refused('Temporary password has expired and must be reset by an administrator.'));

    await own.client.send(new AdminSetUserPasswordCommand({ UserPoolId: own.userPoolId, Username: email, Password: 'Temporary-2', Permanent: false }));
    setBusinessTime(invitedAt + 16 * day);
    expect((await signIn(own, email, 'Temporary-2')).ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    setBusinessTime(invitedAt + 18 * day);
    await expect(signIn(own, email, 'Temporary-2')).rejects.toMatchObject(refused('Temporary password has expired and must be reset by an administrator.'));
  });
});
