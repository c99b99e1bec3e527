import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { CognitoIdentityProviderClient, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { localCredentials, localRegion } from '../../local/local-aws.js';
import { routes } from '../../lib/http/routes.js';
import { apiClient, asDemoUser, asInvitedPerson, newInquiry, ok, people, type Answer, type Client, type SignedIn } from '../support/api-client.js';
import { documents, freshOrganisation } from '../support/fresh-organisation.js';
import { mailsTo } from '../support/mailbox.js';
import { dynamoMailPeopleStore } from '../../lib/adapters/dynamodb/mail-people-store.js';

/**
 * Onboarding through the API: organisations, their people and the agency's staff, with the rules
 * that keep an organisation managed and take access away at once. Each test makes its own
 * organisation (or addresses), so none depends on another's order.
 */

const unique = () => randomUUID().slice(0, 8);
const address = (label: string) => `${label}.${unique()}@people.example`;

let admin: SignedIn;
let agent: SignedIn;
beforeAll(async () => {
  [admin, agent] = await Promise.all([asDemoUser(people.admin), asDemoUser(people.agent)]);
});

const newOrganisation = async (name = `Železářství Novák ${unique()}`, platform: 'azami' | 'digimadi' = 'digimadi') =>
  ok(await admin.send(routes.createOrganisation, { body: { name, platform, language: 'en' } }));

/** An organisation made through the API, with its first admin invited by the agency and signed in. */
const onboarded = async () => {
  const organisation = await newOrganisation();
  const email = address('first-admin');
  const invited = ok(await admin.send(routes.invitePerson, { path: { orgId: organisation.orgId }, body: { email, name: 'Alžběta Admin', role: 'client_admin' } }));
  return { organisation, invited, email, client: await asInvitedPerson(email) };
};

const stack = () => inject('stack');
const cognito = new CognitoIdentityProviderClient({ endpoint: stack().cognitoUrl, region: localRegion, credentials: localCredentials });
afterAll(() => cognito.destroy());
const signInWithCognito = (email: string, password: string) =>
  cognito.send(new InitiateAuthCommand({ ClientId: stack().userPool.appClientIds.azami, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: password } }));
const refresh = (token: string) =>
  cognito.send(new InitiateAuthCommand({ ClientId: stack().userPool.appClientIds.azami, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: token } }));

const refusal = (answer: Answer) => ({ status: answer.status, code: answer.error?.code });

describe('organisations, by the agency', () => {
  it('creates an organisation, lists it by name and finds it by a part of its name or IČO, case and diacritics ignored', async () => {
    const tag = unique();
    const created = ok(
      await admin.send(routes.createOrganisation, {
        body: {
          name: `Železářství Šťastný ${tag}`,
          platform: 'digimadi',
          billing: { name: `Železářství Šťastný ${tag}`, ico: '27082440', address: { street: 'Dlouhá 1', city: 'Praha', postalCode: '110 00', country: 'CZ' } },
        },
      }),
    );
    expect(created).toMatchObject({ platform: 'digimadi', language: 'cs', settings: { membersMayRank: false, membersMayAcceptOffers: false } });
    expect(created.deactivatedAt).toBeUndefined();

    for (const q of [`zelezarstvi stastny ${tag}`, `ŠŤASTNÝ ${tag}`, tag]) {
      const found = ok(await agent.send(routes.listOrganisations, { query: { q } }));
      expect(found.items.map((o) => o.orgId), q).toEqual([created.orgId]);
    }
    const byIco = ok(await agent.send(routes.listOrganisations, { query: { q: '2708244' } }));
    expect(byIco.items.map((o) => o.orgId)).toContain(created.orgId);

    // Paged by name: every page full but the last, nothing twice.
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = ok(await agent.send(routes.listOrganisations, { query: { limit: '2', ...(cursor ? { cursor } : {}) } }));
      seen.push(...page.items.map((o) => o.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toContain(created.name);
    expect(new Set(seen).size).toBe(seen.length);
    const folded = seen.map((name) => name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase());
    expect(folded).toEqual([...folded].sort());
  });

  it('lets only the agency’s admins create, change and deactivate organisations; agents list them; clients may not', async () => {
    const jana = await asDemoUser(people.clientAdmin);
    const { orgId } = await newOrganisation();
    expect(refusal(await agent.send(routes.createOrganisation, { body: { name: 'Nope', platform: 'azami' } }))).toEqual({ status: 403, code: 'forbidden' });
    expect(refusal(await jana.send(routes.createOrganisation, { body: { name: 'Nope', platform: 'azami' } }))).toEqual({ status: 403, code: 'forbidden' });
    expect((await jana.send(routes.listOrganisations)).status).toBe(403);
    expect((await agent.send(routes.changeOrganisation, { path: { orgId }, body: { name: 'Nope' } })).status).toBe(403);
    expect((await agent.send(routes.deactivateOrganisation, { path: { orgId } })).status).toBe(403);
    expect((await jana.send(routes.deactivateOrganisation, { path: { orgId } })).status).toBe(403);
    expect(refusal(await admin.send(routes.changeOrganisation, { path: { orgId: 'org-none' }, body: { name: 'X' } }))).toEqual({ status: 404, code: 'not_found' });
  });

  it('renames an organisation and moves it to the other platform; a change decided on an older version is a 409', async () => {
    const organisation = await newOrganisation();
    const renamed = ok(await admin.send(routes.changeOrganisation, { path: { orgId: organisation.orgId }, body: { name: `Novák a syn ${unique()}`, platform: 'azami', version: organisation.version } }));
    expect(renamed).toMatchObject({ platform: 'azami', version: (organisation.version ?? 0) + 1 });
    const stale = await admin.send(routes.changeOrganisation, { path: { orgId: organisation.orgId }, body: { language: 'cs', version: organisation.version } });
    expect(stale.status).toBe(409);
    expect(stale.error?.next).toMatch(/Reload/);
    const log = ok(await admin.send(routes.getOrganisationLog, { path: { orgId: organisation.orgId } }));
    expect(log.items.map((entry) => entry.action)).toEqual(['organisation_changed', 'organisation_created']);
    expect(log.items[0]!.details).toMatchObject({ platform: { from: 'digimadi', to: 'azami' } });
  });

  it('deactivates an organisation: its people are refused at once and can’t sign in; its requests stay; reactivating lets them back', async () => {
    const { organisation, client, email } = await onboarded();
    const requestId = ok(await client.send(routes.createRequest, { body: newInquiry('Before the pause') })).requestId;

    ok(await admin.send(routes.deactivateOrganisation, { path: { orgId: organisation.orgId } }));
    const refused = await client.send(routes.listRequests);
    expect(refused.status).toBe(403);
    expect(refused.error?.message).toMatch(/organisation’s access .* deactivated/);
    await expect(asInvitedPerson(email)).rejects.toThrow(/deactivated/i);
    expect(refusal(await client.send(routes.invitePerson, { path: { orgId: organisation.orgId }, body: { email: address('x'), name: 'X', role: 'client_member' } }))).toMatchObject({ status: 403 });
    expect(refusal(await admin.send(routes.invitePerson, { path: { orgId: organisation.orgId }, body: { email: address('x'), name: 'X', role: 'client_member' } }))).toMatchObject({ status: 409 });
    // The agency still sees its requests and history.
    expect(ok(await agent.send(routes.getRequest, { path: { requestId } })).title).toBe('Before the pause');

    ok(await admin.send(routes.reactivateOrganisation, { path: { orgId: organisation.orgId } }));
    const back = await asInvitedPerson(email);
    expect(ok(await back.send(routes.listRequests)).items.map((r) => r.requestId)).toContain(requestId);
    const log = ok(await admin.send(routes.getOrganisationLog, { path: { orgId: organisation.orgId } }));
    expect(log.items.slice(0, 2).map((entry) => entry.action)).toEqual(['organisation_reactivated', 'organisation_deactivated']);
  });
});

describe('people of an organisation', () => {
  it('onboards a client: the agency invites its first admin in the organisation’s brand and language, who signs in and invites a colleague, who files a request', async () => {
    const organisation = await newOrganisation(`Pekárna Kvásek ${unique()}`, 'digimadi');
    const email = address('pekar');
    const invited = ok(await admin.send(routes.invitePerson, { path: { orgId: organisation.orgId }, body: { email, name: 'Petra Pekařová', role: 'client_admin' } }));
    expect(invited).toMatchObject({ email, role: 'client_admin', orgId: organisation.orgId, state: 'invited', language: 'en' });
    expect(Date.parse(invited.invitationExpiresAt!) - Date.parse(invited.invitedAt!)).toBe(7 * 86_400_000);
    const [mail] = await mailsTo(email);
    expect(mail?.subject).toBe('Your invitation to Digimadi');
    expect(mail?.body.html).toContain(`You are invited to Digimadi for ${organisation.name}`);

    const petra = await asInvitedPerson(email);
    expect(ok(await petra.send(routes.getMe))).toMatchObject({ role: 'client_admin', orgId: organisation.orgId });
    const listed = ok(await petra.send(routes.listPeople, { path: { orgId: organisation.orgId } }));
    expect(listed.map((p) => [p.email, p.state])).toEqual([[email, 'active']]);

    const colleague = address('kolega');
    const asked = ok(await petra.send(routes.invitePerson, { path: { orgId: organisation.orgId }, body: { email: colleague, name: 'Karel Kolega', role: 'client_member', language: 'cs' } }));
    expect(asked.state).toBe('invited');
    expect((await mailsTo(colleague))[0]?.subject).toBe('Pozvánka do portálu Digimadi');
    const karel = await asInvitedPerson(colleague);
    const filed = ok(await karel.send(routes.createRequest, { body: newInquiry('Nový web pekárny') }));
    expect(filed.orgId).toBe(organisation.orgId);
    expect(ok(await petra.send(routes.listRequests)).items.map((r) => r.requestId)).toContain(filed.requestId);
  });

  it('answers each people route by role: client admin, member, participant, agent, agency admin, another organisation', async () => {
    const { orgId, admin: orgAdmin, member } = await freshOrganisation('Rights');
    const other = await freshOrganisation('Others');
    const requestId = ok(await orgAdmin.send(routes.createRequest, { body: newInquiry('Rights') })).requestId;
    const guestEmail = address('guest');
    ok(await orgAdmin.send(routes.inviteParticipant, { path: { requestId }, body: { email: guestEmail } }));
    const guest = await asInvitedPerson(guestEmail);
    const memberId = member.userId!;

    const callers: Record<string, Client> = { orgAdmin, member, participant: guest, agent, agencyAdmin: admin, otherOrgAdmin: other.admin };
    const expected: Record<string, [string, (c: Client) => Promise<Answer>, Record<string, number>]> = {
      listPeople: ['GET people', (c) => c.send(routes.listPeople, { path: { orgId } }), { orgAdmin: 200, member: 403, participant: 404, agent: 200, agencyAdmin: 200, otherOrgAdmin: 404 }],
      getPerson: ['GET person', (c) => c.send(routes.getPerson, { path: { userId: memberId } }), { orgAdmin: 200, member: 200, participant: 404, agent: 200, agencyAdmin: 200, otherOrgAdmin: 404 }],
      log: ['GET log', (c) => c.send(routes.getOrganisationLog, { path: { orgId } }), { orgAdmin: 200, member: 403, participant: 404, agent: 403, agencyAdmin: 200, otherOrgAdmin: 404 }],
      invite: [
        'POST people',
        (c) => c.send(routes.invitePerson, { path: { orgId }, body: { email: address('rights'), name: 'R', role: 'client_member' } }),
        { orgAdmin: 201, member: 403, participant: 404, agent: 403, agencyAdmin: 201, otherOrgAdmin: 404 },
      ],
      role: [
        'PUT role',
        (c) => c.send(routes.changeRole, { path: { userId: memberId }, body: { role: 'client_member' } }),
        { orgAdmin: 200, member: 403, participant: 404, agent: 403, agencyAdmin: 200, otherOrgAdmin: 404 },
      ],
      resend: [
        'POST invitation',
        (c) => c.send(routes.resendInvitation, { path: { userId: memberId } }),
        // Allowed to ask: the member signed in long ago, so there is nothing to send again.
        { orgAdmin: 409, member: 403, participant: 404, agent: 403, agencyAdmin: 409, otherOrgAdmin: 404 },
      ],
      staff: ['GET staff', (c) => c.send(routes.listStaff), { orgAdmin: 403, member: 403, participant: 403, agent: 200, agencyAdmin: 200, otherOrgAdmin: 403 }],
      staffLog: ['GET staff log', (c) => c.send(routes.getStaffLog), { orgAdmin: 403, member: 403, participant: 403, agent: 403, agencyAdmin: 200, otherOrgAdmin: 403 }],
    };
    const answers: Record<string, Record<string, number>> = {};
    for (const [name, [, call]] of Object.entries(expected)) {
      answers[name] = {};
      for (const [who, client] of Object.entries(callers)) answers[name]![who] = (await call(client)).status;
    }
    expect(answers).toEqual(Object.fromEntries(Object.entries(expected).map(([name, [, , statuses]]) => [name, statuses])));

    // Deactivate, reactivate and remove, by each who may not: nothing changes.
    const mayNot = { member: 403, participant: 404, agent: 403, otherOrgAdmin: 404 } as const;
    for (const [who, status] of Object.entries(mayNot)) {
      expect((await callers[who]!.send(routes.deactivatePerson, { path: { userId: memberId } })).status, `${who} deactivates`).toBe(status);
      expect((await callers[who]!.send(routes.reactivatePerson, { path: { userId: memberId } })).status, `${who} reactivates`).toBe(status);
      expect((await callers[who]!.send(routes.removePerson, { path: { userId: memberId } })).status, `${who} removes`).toBe(status);
    }
    expect(ok(await orgAdmin.send(routes.getPerson, { path: { userId: memberId } })).state).toBe('active');
  });

  it('keeps an organisation’s last admin: demoting, deactivating or removing them is a 409 saying what to do; with a second admin it works', async () => {
    const { client, invited } = await onboarded();
    const last = await admin.send(routes.changeRole, { path: { userId: invited.userId }, body: { role: 'client_member' } });
    expect(refusal(last)).toEqual({ status: 409, code: 'conflict' });
    expect(last.error?.next).toMatch(/Make another person client_admin first/);
    expect((await admin.send(routes.deactivatePerson, { path: { userId: invited.userId } })).status).toBe(409);
    expect((await admin.send(routes.removePerson, { path: { userId: invited.userId } })).status).toBe(409);

    const second = ok(await client.send(routes.invitePerson, { path: { orgId: invited.orgId! }, body: { email: address('second'), name: 'Druhý Admin', role: 'client_admin' } }));
    expect(ok(await admin.send(routes.changeRole, { path: { userId: invited.userId }, body: { role: 'client_member' } })).role).toBe('client_member');
    // Now the second is the last one.
    expect((await admin.send(routes.deactivatePerson, { path: { userId: second.userId } })).status).toBe(409);
  });

  it('refuses anyone changing their own role, or deactivating or removing themselves', async () => {
    const { client, invited } = await onboarded();
    for (const answer of [
      await client.send(routes.changeRole, { path: { userId: invited.userId }, body: { role: 'client_member' } }),
      await client.send(routes.deactivatePerson, { path: { userId: invited.userId } }),
      await client.send(routes.removePerson, { path: { userId: invited.userId } }),
      await admin.send(routes.changeRole, { path: { userId: admin.userId }, body: { role: 'agent' } }),
      await admin.send(routes.deactivatePerson, { path: { userId: admin.userId } }),
    ]) {
      expect(refusal(answer)).toEqual({ status: 403, code: 'forbidden' });
      expect(answer.error?.message).toMatch(/yourself; ask another admin/);
    }
  });

  it('ends a deactivated person’s access on their very next call, whatever token they hold, and revokes their refresh tokens', async () => {
    const { orgId, admin: orgAdmin, member, emails, passwords } = await freshOrganisation('Deactivation');
    const refreshToken = (await signInWithCognito(emails.member, passwords.member)).AuthenticationResult!.RefreshToken!;
    expect(ok(await apiClient(stack().apiUrl, (await refresh(refreshToken)).AuthenticationResult!.IdToken!).send(routes.getMe)).userId).toBe(member.userId);
    // While active they are among the people the notifier mails.
    const mailPeople = dynamoMailPeopleStore(documents(), () => stack().tableName);
    expect([...(await mailPeople.byIds([member.userId!])).keys()]).toEqual([member.userId]);
    // The member's calls are served a moment before: any cache of their user item is warm.
    for (let i = 0; i < 3; i += 1) expect((await member.send(routes.listRequests)).status).toBe(200);
    const deactivated = ok(await orgAdmin.send(routes.deactivatePerson, { path: { userId: member.userId! } }));
    expect(deactivated.state).toBe('deactivated');
    const next = await member.send(routes.listRequests);
    expect(refusal(next)).toEqual({ status: 403, code: 'forbidden' });
    expect(next.error?.message).toMatch(/deactivated; ask your organisation’s admin/);
    expect((await member.send(routes.getMe)).status).toBe(403);
    await expect(asInvitedPerson(emails.member)).rejects.toThrow(/deactivated/i);
    await expect(refresh(refreshToken)).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    expect(ok(await orgAdmin.send(routes.listPeople, { path: { orgId } })).find((p) => p.userId === member.userId)?.state).toBe('deactivated');
    // Not mailed any more: the notifier finds nobody to mail, by id or among the organisation's people.
    expect((await mailPeople.byIds([member.userId!])).size).toBe(0);
    expect((await mailPeople.orgMembers(orgId)).map((p) => p.userId)).not.toContain(member.userId);

    ok(await orgAdmin.send(routes.reactivatePerson, { path: { userId: member.userId! } }));
    expect((await member.send(routes.listRequests)).status).toBe(200);
    // The refresh token given out before stays revoked: signing in again is the way back.
    await expect(refresh(refreshToken)).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    expect((await signInWithCognito(emails.member, passwords.member)).AuthenticationResult?.RefreshToken).toBeTruthy();
  });

  it('does not invite an address twice, in the same organisation or another one', async () => {
    const { organisation, email } = await onboarded();
    const again = await admin.send(routes.invitePerson, { path: { orgId: organisation.orgId }, body: { email, name: 'Again', role: 'client_member' } });
    expect(refusal(again)).toEqual({ status: 409, code: 'conflict' });
    expect(again.error?.message).toMatch(/one of the organisation’s people already/);
    const elsewhere = await newOrganisation();
    const moved = await admin.send(routes.invitePerson, { path: { orgId: elsewhere.orgId }, body: { email: email.toUpperCase(), name: 'Elsewhere', role: 'client_member' } });
    expect(refusal(moved)).toEqual({ status: 409, code: 'conflict' });
    expect(moved.error?.next).toMatch(/belongs to one organisation: invite them to a single request instead/);
    expect((await admin.send(routes.inviteStaff, { body: { email, name: 'Staff', role: 'agent' } })).status).toBe(409);
  });

  it('lets one of two racing changes to a person win, and answers the other with a 409', async () => {
    const { orgId, admin: orgAdmin, member } = await freshOrganisation('Races');
    const userId = member.userId!;
    const read = ok(await orgAdmin.send(routes.getPerson, { path: { userId } }));
    const [first, second] = await Promise.all([
      orgAdmin.send(routes.changeRole, { path: { userId }, body: { role: 'client_admin', version: read.version } }),
      admin.send(routes.changeRole, { path: { userId }, body: { role: 'client_admin', version: read.version } }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const twice = ok(await orgAdmin.send(routes.getPerson, { path: { userId } }));
    expect(twice.role).toBe('client_admin');
    const log = ok(await orgAdmin.send(routes.getOrganisationLog, { path: { orgId } }));
    expect(log.items.filter((entry) => entry.action === 'role_changed' && entry.targetId === userId)).toHaveLength(1);
  });

  it('removes a person: their login goes, their request stays in their name, and the address can be invited again', async () => {
    const { orgId, admin: orgAdmin, member, emails } = await freshOrganisation('Removal');
    const requestId = ok(await member.send(routes.createRequest, { body: newInquiry('From a leaver') })).requestId;
    expect((await orgAdmin.send(routes.removePerson, { path: { userId: member.userId! } })).status).toBe(204);
    expect((await member.send(routes.listRequests)).status).toBe(403);
    await expect(asInvitedPerson(emails.member)).rejects.toThrow(/not a user of the local pool/);
    const request = ok(await orgAdmin.send(routes.getRequest, { path: { requestId } }));
    expect(request.createdBy).toBe(member.userId);
    const timeline = ok(await orgAdmin.send(routes.listTimeline, { path: { requestId } }));
    expect(timeline.items[0]?.actorName).toBe('Milan Member');
    expect(ok(await orgAdmin.send(routes.listPeople, { path: { orgId } })).map((p) => p.email)).not.toContain(emails.member);
    const back = ok(await orgAdmin.send(routes.invitePerson, { path: { orgId }, body: { email: emails.member, name: 'Milan Member', role: 'client_member' } }));
    expect(back.userId).not.toBe(member.userId);
    expect((await admin.send(routes.removePerson, { path: { userId: agent.userId } })).status).toBe(409);
  });

  it('records every change in the organisation’s log: who, when, what, to whom', async () => {
    const { organisation, client, invited } = await onboarded();
    const colleague = ok(await client.send(routes.invitePerson, { path: { orgId: organisation.orgId }, body: { email: address('logged'), name: 'Lída Logová', role: 'client_member' } }));
    ok(await client.send(routes.changeRole, { path: { userId: colleague.userId }, body: { role: 'client_admin' } }));
    ok(await client.send(routes.deactivatePerson, { path: { userId: colleague.userId } }));
    ok(await client.send(routes.updateOrganisationSettings, { path: { orgId: organisation.orgId }, body: { membersMayRank: true } }));
    const log = ok(await client.send(routes.getOrganisationLog, { path: { orgId: organisation.orgId } }));
    expect(log.items.map((e) => [e.action, e.actorName, e.targetName])).toEqual([
      ['organisation_changed', 'Alžběta Admin', organisation.name],
      ['person_deactivated', 'Alžběta Admin', 'Lída Logová'],
      ['role_changed', 'Alžběta Admin', 'Lída Logová'],
      ['person_invited', 'Alžběta Admin', 'Lída Logová'],
      ['person_invited', 'Tomáš Správce', 'Alžběta Admin'],
      ['organisation_created', 'Tomáš Správce', organisation.name],
    ]);
    expect(log.items[0]!.details).toEqual({ membersMayRank: { from: false, to: true } });
    expect(log.items[2]!.details).toEqual({ role: { from: 'client_member', to: 'client_admin' } });
    expect(log.items.every((e) => !Number.isNaN(Date.parse(e.at)))).toBe(true);
    expect(invited.userId).toBe(client.userId);
  });
});

describe('the agency’s staff', () => {
  it('lets whoever deploys invite the agency’s first admin, and no one once it has one', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'bin/first-admin.ts', address('first'), 'První Admin'], {
      encoding: 'utf8',
      env: {
        ...process.env,
        AWS_REGION: localRegion,
        AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
        AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
        AWS_ENDPOINT_URL_DYNAMODB: stack().dynamodbUrl,
        AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: stack().cognitoUrl,
        TABLE_NAME: stack().tableName,
        USER_POOL_ID: stack().userPool.userPoolId,
      },
    });
    // The demo data has the agency's admin already (Tomáš Správce).
    expect(run.stderr).toContain('The agency has an admin already');
    expect(run.status).toBe(1);
  });

  it('lets the agency’s admins invite an agent, make them admin and back, and deactivate them; the change is in the staff log', async () => {
    // An agency address: while this agent is active, every other file's agency-wide mails reach them too,
    // and the files that count whole recipient lists recognise such staff by it (toOtherTestsStaff).
    const email = `agentka.${unique()}@agency.example`;
    const invited = ok(await admin.send(routes.inviteStaff, { body: { email, name: 'Nová Agentka', role: 'agent' } }));
    expect(invited).toMatchObject({ role: 'agent', state: 'invited' });
    expect(invited.orgId).toBeUndefined();
    expect((await agent.send(routes.inviteStaff, { body: { email: address('x'), name: 'X', role: 'agent' } })).status).toBe(403);
    const nova = await asInvitedPerson(email);
    expect(ok(await nova.send(routes.getWorkQueue)).items).toBeDefined();
    expect(ok(await admin.send(routes.listStaff)).find((p) => p.email === email)?.state).toBe('active');
    expect((await admin.send(routes.changeRole, { path: { userId: invited.userId }, body: { role: 'client_admin' } })).status).toBe(409);
    ok(await admin.send(routes.changeRole, { path: { userId: invited.userId }, body: { role: 'admin' } }));
    // As an admin now, she reads the staff's log.
    expect((await nova.send(routes.getStaffLog)).status).toBe(200);
    ok(await admin.send(routes.deactivatePerson, { path: { userId: invited.userId } }));
    expect((await nova.send(routes.getWorkQueue)).status).toBe(403);
    const log = ok(await admin.send(routes.getStaffLog));
    expect(log.items.filter((e) => e.targetId === invited.userId).map((e) => e.action)).toEqual(['person_deactivated', 'role_changed', 'person_invited']);
  });
});
