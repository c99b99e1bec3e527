import { CognitoIdentityProviderClient, InitiateAuthCommand, RespondToAuthChallengeCommand } from '@aws-sdk/client-cognito-identity-provider';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { routes } from '../../lib/http/routes.js';
import { localCredentials, localRegion } from '../../local/local-aws.js';
import { apiClient, asDemoUser, ok, people } from '../support/api-client.js';
import { mailsTo, type SentMail } from '../support/mailbox.js';
import { advanceClock } from '../support/workflow-clock.js';

/**
 * An invitation's temporary password works for 7 days of business time (Cognito's
 * TemporaryPasswordValidityDays; cognito-local runs on the stack's clock). Here the clock moves,
 * so this runs on the workflow project's own stack.
 */
const stack = () => inject('stack');
const cognito = new CognitoIdentityProviderClient({ endpoint: stack().cognitoUrl, region: localRegion, credentials: localCredentials });
afterAll(() => cognito.destroy());

/** The username and temporary password an invitation mail sets apart to copy. */
const temporaryPasswordIn = (mail: SentMail | undefined) => [...(mail?.body.html ?? '').matchAll(/font-family:Consolas[^"]*">([^<]*)<\/span>/g)].map((m) => m[1]!)[1]!;

const signIn = (email: string, password: string) =>
  cognito.send(new InitiateAuthCommand({ ClientId: stack().userPool.appClientIds.azami, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: password } }));

describe('an invitation that expires', () => {
  it('expires after 7 days: its temporary password is refused; sent again, the new one works for another 7 days, and the person signs in', async () => {
    const admin = await asDemoUser(people.admin);
    const organisation = ok(await admin.send(routes.createOrganisation, { body: { name: `Pozdní s.r.o. ${randomUUID().slice(0, 6)}`, platform: 'azami' } }));
    const email = `late.${randomUUID().slice(0, 8)}@invitations.example`;
    const invited = ok(await admin.send(routes.invitePerson, { path: { orgId: organisation.orgId }, body: { email, name: 'Luboš Pozdní', role: 'client_admin' } }));
    const first = temporaryPasswordIn((await mailsTo(email))[0]);
    // Within the week it opens the first sign-in (a new password is asked for).
    expect((await signIn(email, first)).ChallengeName).toBe('NEW_PASSWORD_REQUIRED');

    await advanceClock(stack(), 7 * 86_400 + 60);
    expect(ok(await admin.send(routes.getPerson, { path: { userId: invited.userId } })).state).toBe('invitation_expired');
    await expect(signIn(email, first)).rejects.toThrow(/Temporary password has expired/);

    const resent = ok(await admin.send(routes.resendInvitation, { path: { userId: invited.userId } }));
    expect(resent.state).toBe('invited');
    expect(Date.parse(resent.invitationExpiresAt!)).toBeGreaterThan(Date.parse(invited.invitationExpiresAt!) + 7 * 86_400_000 - 120_000);
    const mails = await mailsTo(email);
    expect(mails).toHaveLength(2);
    const second = temporaryPasswordIn(mails[1]);
    expect(second).not.toBe(first);
    await expect(signIn(email, first)).rejects.toThrow();

    const challenge = await signIn(email, second);
    expect(challenge.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    const answered = await cognito.send(
      new RespondToAuthChallengeCommand({
        ClientId: stack().userPool.appClientIds.azami,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: challenge.Session,
        ChallengeResponses: { USERNAME: email, NEW_PASSWORD: 'Chosen-password-4' },
      }),
    );
    const luboš = apiClient(stack().apiUrl, answered.AuthenticationResult!.IdToken!);
    expect(ok(await luboš.send(routes.getMe))).toMatchObject({ role: 'client_admin', orgId: organisation.orgId });
    expect(ok(await admin.send(routes.getPerson, { path: { userId: invited.userId } })).state).toBe('active');
    // Signed in: there is no invitation left to send.
    const again = await admin.send(routes.resendInvitation, { path: { userId: invited.userId } });
    expect(again.status).toBe(409);
    expect(again.error?.next).toMatch(/reset it on the sign-in page/);
    const log = ok(await admin.send(routes.getOrganisationLog, { path: { orgId: organisation.orgId } }));
    expect(log.items.map((e) => e.action)).toEqual(['invitation_resent', 'person_invited', 'organisation_created']);
  });
});
