import { beforeAll, describe, expect, it } from 'vitest';
import { routeKey } from '../../lib/http/route.js';
import { routeList } from '../../lib/http/routes.js';
import { anonymous, asDemoUser, asInvitedPerson, newInquiry, people, type Client } from '../support/api-client.js';

/**
 * Every route, called on Acme's request by people who must not get at it: another organisation's
 * admin and a removed participant (404, nothing revealed) and an anonymous caller (401).
 */
let fixture: { requestId: string; attachmentId: string; participantId: string };
let outsiders: Record<'otherOrg' | 'removedParticipant' | 'anonymous', Client>;
let owner: Client;

beforeAll(async () => {
  owner = await asDemoUser(people.clientAdmin);
  const requestId: string = (await owner.call('POST', '/requests', newInquiry('Secret Acme project'))).body.requestId;
  const ticket = await owner.call('POST', `/requests/${requestId}/attachments`, { fileName: 'secret.pdf', size: 3, contentType: 'application/pdf' });
  const invited = await owner.call('POST', `/requests/${requestId}/participants`, { email: 'ex.participant@partner.example' });
  const removedParticipant = await asInvitedPerson('ex.participant@partner.example');
  // While invited they could see it ...
  expect((await removedParticipant.call('GET', `/requests/${requestId}`)).status).toBe(200);
  expect((await owner.call('DELETE', `/requests/${requestId}/participants/${invited.body.userId}`)).status).toBe(204);
  fixture = { requestId, attachmentId: ticket.body.attachment.attachmentId, participantId: invited.body.userId };
  outsiders = { otherOrg: await asDemoUser(people.otherOrgAdmin), removedParticipant, anonymous: anonymous() };
});

/** A valid call of each route, so that only the caller's right can make it fail. */
const validCall = (key: string): { path: string; body?: unknown } => {
  const { requestId, attachmentId, participantId } = fixture;
  const calls: Record<string, { path: string; body?: unknown }> = {
    'GET /health': { path: '/health' },
    'GET /openapi.json': { path: '/openapi.json' },
    'GET /me': { path: '/me' },
    'POST /requests': { path: '/requests', body: newInquiry() },
    'GET /requests': { path: '/requests' },
    'GET /requests/{requestId}': { path: `/requests/${requestId}` },
    'POST /requests/{requestId}/cancel': { path: `/requests/${requestId}/cancel`, body: {} },
    'POST /requests/{requestId}/messages': { path: `/requests/${requestId}/messages`, body: { body: 'hello' } },
    'GET /requests/{requestId}/timeline': { path: `/requests/${requestId}/timeline` },
    'POST /requests/{requestId}/attachments': {
      path: `/requests/${requestId}/attachments`,
      body: { fileName: 'x.pdf', size: 1, contentType: 'application/pdf' },
    },
    'POST /requests/{requestId}/attachments/{attachmentId}/confirm': { path: `/requests/${requestId}/attachments/${attachmentId}/confirm` },
    'GET /requests/{requestId}/attachments': { path: `/requests/${requestId}/attachments` },
    'GET /requests/{requestId}/attachments/{attachmentId}': { path: `/requests/${requestId}/attachments/${attachmentId}` },
    'POST /requests/{requestId}/participants': { path: `/requests/${requestId}/participants`, body: { email: 'someone@partner.example' } },
    'GET /requests/{requestId}/participants': { path: `/requests/${requestId}/participants` },
    'DELETE /requests/{requestId}/participants/{userId}': { path: `/requests/${requestId}/participants/${participantId}` },
    'POST /requests/{requestId}/actions': { path: `/requests/${requestId}/actions`, body: { action: 'clarify' } },
    'PUT /requests/{requestId}/assignee': { path: `/requests/${requestId}/assignee`, body: { assigneeId: null } },
    'POST /requests/{requestId}/move': { path: `/requests/${requestId}/move`, body: { to: 'top' } },
    'GET /queue': { path: '/queue' },
    'PUT /queue': { path: '/queue', body: { order: [requestId] } },
    'GET /work-queue': { path: '/work-queue' },
    'GET /orgs/{orgId}': { path: '/orgs/org-acme' },
    'PATCH /orgs/{orgId}/settings': { path: '/orgs/org-acme/settings', body: { membersMayRank: true } },
  };
  const call = calls[key];
  if (!call) throw new Error(`the tenancy table has no call for ${key}: add one`);
  return call;
};

const requestRoutes = routeList.filter((route) => route.path.includes('{requestId}'));

describe('tenancy: nobody outside gets at a request', () => {
  it('has a call for every route of the table', () => {
    for (const route of routeList) expect(() => validCall(routeKey(route))).not.toThrow();
  });

  describe.each(['otherOrg', 'removedParticipant'] as const)('as %s', (who) => {
    it.each(requestRoutes.map((route) => [routeKey(route), route] as const))('%s answers 404 and no data', async (key, route) => {
      const { path, body } = validCall(key);
      const answer = await outsiders[who].call(route.method, path, body);
      expect(answer.status).toBe(404);
      expect(JSON.stringify(answer.body)).not.toMatch(/Secret Acme|secret\.pdf|org-acme/);
    });

    it('does not find the request in its list', async () => {
      const listed = await outsiders[who].call('GET', '/requests?limit=100');
      expect(listed.status).toBe(200);
      expect(JSON.stringify(listed.body)).not.toContain(fixture.requestId);
    });
  });

  it.each(routeList.filter((r) => r.auth === 'jwt').map((route) => [routeKey(route), route] as const))(
    'anonymous: %s answers 401',
    async (key, route) => {
      const { path, body } = validCall(key);
      expect((await outsiders.anonymous.call(route.method, path, body)).status).toBe(401);
    },
  );

  it('lets another organisation file only for itself', async () => {
    const olga = outsiders.otherOrg;
    expect((await olga.call('POST', '/requests', { ...newInquiry(), orgId: 'org-acme' })).status).toBe(403);
    expect((await olga.call('POST', '/requests', newInquiry('Beta request'))).body).toMatchObject({ orgId: 'org-beta' });
    expect((await olga.call('GET', '/requests?orgId=org-acme')).status).toBe(403);
    expect((await olga.call('GET', '/requests?scope=all')).status).toBe(403);
  });
});

describe('roles within the organisation', () => {
  it('lets a member see and discuss but not invite people (403)', async () => {
    const petr = await asDemoUser(people.clientMember);
    expect((await petr.call('GET', `/requests/${fixture.requestId}`)).status).toBe(200);
    expect((await petr.call('POST', `/requests/${fixture.requestId}/messages`, { body: 'ok' })).status).toBe(201);
    expect((await petr.call('POST', `/requests/${fixture.requestId}/participants`, { email: 'x@partner.example' })).status).toBe(403);
    expect((await petr.call('POST', `/requests/${fixture.requestId}/messages`, { body: 'psst', internal: true })).status).toBe(403);
  });

  it('keeps internal attachments away from clients (404)', async () => {
    const eva = await asDemoUser(people.agent);
    const internal = await eva.call('POST', `/requests/${fixture.requestId}/attachments`, {
      fileName: 'kalkulace.xlsx',
      size: 10,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      internal: true,
    });
    expect(internal.status).toBe(201);
    const answer = await owner.call('GET', `/requests/${fixture.requestId}/attachments/${internal.body.attachment.attachmentId}`);
    expect(answer.status).toBe(404);
    expect((await owner.call('POST', `/requests/${fixture.requestId}/attachments`, { fileName: 'a.pdf', size: 1, contentType: 'application/pdf', internal: true })).status).toBe(403);
  });
});

describe('filing on behalf of an organisation', () => {
  it('lets agency staff file for an existing organisation and asks them which one', async () => {
    const eva = await asDemoUser(people.agent);
    expect(await eva.call('POST', '/requests', { ...newInquiry('Telefonát od Acme'), orgId: 'org-acme' })).toMatchObject({
      status: 201,
      body: { orgId: 'org-acme', createdBy: eva.userId },
    });
    const missing = await eva.call('POST', '/requests', newInquiry());
    expect(missing).toMatchObject({ status: 400, body: { error: { details: [{ field: 'body.orgId' }] } } });
    expect((await eva.call('POST', '/requests', { ...newInquiry(), orgId: 'org-nowhere' })).status).toBe(404);
  });

  it('does not let a participant file requests', async () => {
    const karl = await asInvitedPerson('ex.participant@partner.example');
    expect((await karl.call('POST', '/requests', newInquiry())).status).toBe(403);
  });
});
