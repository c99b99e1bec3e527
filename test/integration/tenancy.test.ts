import { beforeAll, describe, expect, it } from 'vitest';
import { routeKey } from '../../lib/http/route.js';
import { routeList, routes } from '../../lib/http/routes.js';
import { anonymous, asDemoUser, asInvitedPerson, newInquiry, ok, people, type Answer, type Client } from '../support/api-client.js';
import { attach } from '../support/attachments.js';
import { waitForScan } from '../support/scan.js';

/**
 * Every route, called on Acme's request by people who must not get at it: another organisation's
 * admin and a removed participant (404, nothing revealed) and an anonymous caller (401).
 */
let fixture: { requestId: string; attachmentId: string; participantId: string };
let outsiders: Record<'otherOrg' | 'removedParticipant' | 'anonymous', Client>;
let owner: Client;

beforeAll(async () => {
  owner = await asDemoUser(people.clientAdmin);
  const requestId = ok(await owner.send(routes.createRequest, { body: newInquiry('Secret Acme project') })).requestId;
  const path = { requestId };
  const ticket = ok(await owner.send(routes.requestUpload, { path, body: { fileName: 'secret.pdf', size: 3, contentType: 'application/pdf' } }));
  const invited = ok(await owner.send(routes.inviteParticipant, { path, body: { email: 'ex.participant@partner.example' } }));
  const removedParticipant = await asInvitedPerson('ex.participant@partner.example');
  // While invited they could see it ...
  expect((await removedParticipant.send(routes.getRequest, { path })).status).toBe(200);
  expect((await owner.send(routes.removeParticipant, { path: { requestId, userId: invited.userId } })).status).toBe(204);
  fixture = { requestId, attachmentId: ticket.attachment.attachmentId, participantId: invited.userId };
  outsiders = { otherOrg: await asDemoUser(people.otherOrgAdmin), removedParticipant, anonymous: anonymous() };
});

/** A valid call of each route, so that only the caller's right can make it fail. */
const validCall = (key: string): ((client: Client) => Promise<Answer>) => {
  const { requestId, attachmentId, participantId } = fixture;
  const path = { requestId };
  const calls: Record<string, (client: Client) => Promise<Answer>> = {
    'GET /health': (c) => c.send(routes.health),
    'GET /openapi.json': (c) => c.send(routes.getOpenapi),
    'GET /me': (c) => c.send(routes.getMe),
    'POST /requests': (c) => c.send(routes.createRequest, { body: newInquiry() }),
    'GET /requests': (c) => c.send(routes.listRequests),
    'GET /requests/{requestId}': (c) => c.send(routes.getRequest, { path }),
    'POST /requests/{requestId}/cancel': (c) => c.send(routes.cancelRequest, { path, body: {} }),
    'POST /requests/{requestId}/messages': (c) => c.send(routes.postMessage, { path, body: { body: 'hello' } }),
    'GET /requests/{requestId}/timeline': (c) => c.send(routes.listTimeline, { path }),
    'POST /requests/{requestId}/attachments': (c) =>
      c.send(routes.requestUpload, { path, body: { fileName: 'x.pdf', size: 1, contentType: 'application/pdf' } }),
    'POST /requests/{requestId}/attachments/{attachmentId}/confirm': (c) => c.send(routes.confirmUpload, { path: { requestId, attachmentId } }),
    'GET /requests/{requestId}/attachments': (c) => c.send(routes.listAttachments, { path }),
    'GET /requests/{requestId}/attachments/{attachmentId}': (c) => c.send(routes.downloadAttachment, { path: { requestId, attachmentId } }),
    'POST /requests/{requestId}/participants': (c) => c.send(routes.inviteParticipant, { path, body: { email: 'someone@partner.example' } }),
    'GET /requests/{requestId}/participants': (c) => c.send(routes.listParticipants, { path }),
    'DELETE /requests/{requestId}/participants/{userId}': (c) => c.send(routes.removeParticipant, { path: { requestId, userId: participantId } }),
    'POST /requests/{requestId}/actions': (c) => c.send(routes.takeAction, { path, body: { action: 'clarify' } }),
    'PUT /requests/{requestId}/assignee': (c) => c.send(routes.assignRequest, { path, body: { assigneeId: null } }),
    'POST /requests/{requestId}/move': (c) => c.send(routes.moveRequest, { path, body: { to: 'top' } }),
    'GET /queue': (c) => c.send(routes.getQueue),
    'PUT /queue': (c) => c.send(routes.setQueueOrder, { body: { order: [requestId] } }),
    'GET /work-queue': (c) => c.send(routes.getWorkQueue, { query: { orgId: 'org-acme' } }),
    'GET /orgs/{orgId}': (c) => c.send(routes.getOrganisation, { path: { orgId: 'org-acme' } }),
    'PATCH /orgs/{orgId}/settings': (c) => c.send(routes.updateOrganisationSettings, { path: { orgId: 'org-acme' }, body: { membersMayRank: true } }),
    'GET /me/preferences': (c) => c.send(routes.getPreferences),
    'PATCH /me/preferences': (c) => c.send(routes.updatePreferences, { body: { language: 'cs' } }),
    'PUT /requests/{requestId}/mute': (c) => c.send(routes.muteRequest, { path }),
    'DELETE /requests/{requestId}/mute': (c) => c.send(routes.unmuteRequest, { path }),
    // Public: a link's signature stands in for the login (a forged one is refused; notifications.test.ts).
    'POST /unsubscribe/{token}': (c) => c.send(routes.unsubscribe, { path: { token: 'eyJ4IjoxfQ.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' } }),
    'GET /unsubscribe/{token}': (c) => c.send(routes.unsubscribePage, { path: { token: 'eyJ4IjoxfQ.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' } }),
    'GET /links/{token}': (c) => c.send(routes.openLink, { path: { token: 'eyJ4IjoxfQ.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' } }),
    'GET /mail/parked': (c) => c.send(routes.listParkedMail),
    'POST /mail/parked/{mailId}/resend': (c) => c.send(routes.resendMail, { path: { mailId: 'ZW50cnkjMjAyNi0wMDAxI3gKeQ' } }),
    'GET /mail/suppressions': (c) => c.send(routes.listSuppressions, { query: { q: 'partner.example' } }),
    'DELETE /mail/suppressions/{email}': (c) => c.send(routes.liftSuppression, { path: { email: 'nobody@partner.example' } }),
    'POST /requests/{requestId}/offers': (c) =>
      c.send(routes.postOffer, { path, body: { lines: [{ description: 'x', quantity: 1, unit: 'h', unitPrice: 100, vatRate: 21 }], currency: 'CZK', deliveryEstimate: 'soon' } }),
    'GET /requests/{requestId}/offers': (c) => c.send(routes.listOffers, { path }),
    'POST /requests/{requestId}/offers/{offerNumber}/accept': (c) => c.send(routes.acceptOffer, { path: { requestId, offerNumber: 1 }, body: { contentHash: 'a'.repeat(64) } }),
    'POST /requests/{requestId}/offers/{offerNumber}/reject': (c) =>
      c.send(routes.rejectOffer, { path: { requestId, offerNumber: 1 }, body: { contentHash: 'a'.repeat(64), reason: 'no' } }),
    'GET /requests/{requestId}/order': (c) => c.send(routes.getOrder, { path }),
    'POST /requests/{requestId}/payments': (c) => c.send(routes.recordPayment, { path, body: { amount: 100, currency: 'CZK', paidAt: '2026-11-25T10:00:00Z' } }),
    // Public: the signature over the body stands in for the login (test/workflow/offers.test.ts).
    'POST /payments/webhook': (c) => c.send(routes.paymentWebhook),
    'GET /payments/flagged': (c) => c.send(routes.listFlaggedPayments),
    'POST /payments/flagged/{paymentId}/resolve': (c) => c.send(routes.resolveFlaggedPayment, { path: { paymentId: 'bank-none' }, body: { note: 'Refunded.' } }),
    'PUT /orgs/{orgId}/billing': (c) =>
      c.send(routes.setBilling, { path: { orgId: 'org-acme' }, body: { name: 'X', address: { street: 'a', city: 'b', postalCode: '11000', country: 'CZ' } } }),
    'POST /requests/{requestId}/handovers': (c) => c.send(routes.handOver, { path, body: { notes: 'Hotovo.' } }),
    'GET /requests/{requestId}/handovers': (c) => c.send(routes.listHandovers, { path }),
    'POST /requests/{requestId}/handovers/{round}/accept': (c) => c.send(routes.acceptDelivery, { path: { requestId, round: 1 }, body: { rating: 5 } }),
    'POST /requests/{requestId}/handovers/{round}/request-changes': (c) => c.send(routes.requestChanges, { path: { requestId, round: 1 }, body: { comments: 'Prosím upravit.' } }),
    'GET /feedback': (c) => c.send(routes.getFeedback),
    // Organisations and people: refused to anyone anonymous (test/integration/people.test.ts checks every role).
    'POST /orgs': (c) => c.send(routes.createOrganisation, { body: { name: 'Tenancy s.r.o.', platform: 'azami' } }),
    'GET /orgs': (c) => c.send(routes.listOrganisations),
    'PATCH /orgs/{orgId}': (c) => c.send(routes.changeOrganisation, { path: { orgId: 'org-none' }, body: { name: 'X' } }),
    'POST /orgs/{orgId}/deactivate': (c) => c.send(routes.deactivateOrganisation, { path: { orgId: 'org-none' } }),
    'POST /orgs/{orgId}/reactivate': (c) => c.send(routes.reactivateOrganisation, { path: { orgId: 'org-none' } }),
    'GET /orgs/{orgId}/log': (c) => c.send(routes.getOrganisationLog, { path: { orgId: 'org-acme' } }),
    'POST /orgs/{orgId}/people': (c) => c.send(routes.invitePerson, { path: { orgId: 'org-none' }, body: { email: 'x@partner.example', name: 'X', role: 'client_member' } }),
    'GET /orgs/{orgId}/people': (c) => c.send(routes.listPeople, { path: { orgId: 'org-acme' } }),
    'POST /staff': (c) => c.send(routes.inviteStaff, { body: { email: 'x@agency.example', name: 'X', role: 'agent' } }),
    'GET /staff': (c) => c.send(routes.listStaff),
    'GET /staff/log': (c) => c.send(routes.getStaffLog),
    // Webhooks: the agency's admins' alone (webhook-subscriptions.test.ts checks an agent's 403 too).
    'GET /webhooks': (c) => c.send(routes.listWebhookSubscriptions),
    'POST /webhooks': (c) => c.send(routes.createWebhookSubscription, { body: { url: 'https://hooks.partner.example/orderdesk', eventTypes: ['request.created'] } }),
    'GET /webhooks/{subscriptionId}': (c) => c.send(routes.getWebhookSubscription, { path: { subscriptionId: 'wh-none' } }),
    'PATCH /webhooks/{subscriptionId}': (c) => c.send(routes.changeWebhookSubscription, { path: { subscriptionId: 'wh-none' }, body: { enabled: false } }),
    'DELETE /webhooks/{subscriptionId}': (c) => c.send(routes.deleteWebhookSubscription, { path: { subscriptionId: 'wh-none' } }),
    'POST /webhooks/{subscriptionId}/secret': (c) => c.send(routes.rotateWebhookSecret, { path: { subscriptionId: 'wh-none' } }),
    'GET /webhooks/{subscriptionId}/deliveries': (c) => c.send(routes.listWebhookDeliveries, { path: { subscriptionId: 'wh-none' } }),
    'POST /webhooks/{subscriptionId}/deliveries/{deliveryId}/resend': (c) =>
      c.send(routes.resendWebhookDelivery, { path: { subscriptionId: 'wh-none', deliveryId: 'wh-none.msg_none' } }),
    'GET /people/{userId}': (c) => c.send(routes.getPerson, { path: { userId: 'u-none' } }),
    'PUT /people/{userId}/role': (c) => c.send(routes.changeRole, { path: { userId: 'u-none' }, body: { role: 'client_member' } }),
    'POST /people/{userId}/deactivate': (c) => c.send(routes.deactivatePerson, { path: { userId: 'u-none' } }),
    'POST /people/{userId}/reactivate': (c) => c.send(routes.reactivatePerson, { path: { userId: 'u-none' } }),
    'POST /people/{userId}/invitation': (c) => c.send(routes.resendInvitation, { path: { userId: 'u-none' } }),
    'DELETE /people/{userId}': (c) => c.send(routes.removePerson, { path: { userId: 'u-none' } }),
    'POST /people/{userId}/export': (c) => c.send(routes.exportPerson, { path: { userId: 'u-none' } }),
    'POST /people/{userId}/erasure': (c) => c.send(routes.erasePerson, { path: { userId: 'u-none' } }),
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
    it.each(requestRoutes.map((route) => [routeKey(route), route] as const))('%s answers 404 and no data', async (key) => {
      const answer = await validCall(key)(outsiders[who]);
      expect(answer.status).toBe(404);
      expect(JSON.stringify(answer)).not.toMatch(/Secret Acme|secret\.pdf|org-acme/);
    });

    it('does not find the request in its list', async () => {
      const listed = await outsiders[who].send(routes.listRequests, { query: { limit: 100 } });
      expect(listed.status).toBe(200);
      expect(JSON.stringify(listed.data)).not.toContain(fixture.requestId);
    });
  });

  it.each(routeList.filter((r) => r.auth === 'jwt').map((route) => [routeKey(route), route] as const))(
    'anonymous: %s answers 401',
    async (key) => {
      expect((await validCall(key)(outsiders.anonymous)).status).toBe(401);
    },
  );

  it('lets another organisation file only for itself', async () => {
    const olga = outsiders.otherOrg;
    expect((await olga.send(routes.createRequest, { body: { ...newInquiry(), orgId: 'org-acme' } })).status).toBe(403);
    expect(ok(await olga.send(routes.createRequest, { body: newInquiry('Beta request') }))).toMatchObject({ orgId: 'org-beta' });
    expect((await olga.send(routes.listRequests, { query: { orgId: 'org-acme' } })).status).toBe(403);
    expect((await olga.send(routes.listRequests, { query: { scope: 'all' } })).status).toBe(403);
  });
});

/** Routes of the agency's own work, not about one request: a client, whatever their role, is refused (403), and learns nothing. */
const agencyOnly = [
  'GET /work-queue',
  'GET /mail/parked',
  'GET /mail/suppressions',
  'DELETE /mail/suppressions/{email}',
  'GET /payments/flagged',
  'POST /payments/flagged/{paymentId}/resolve',
  'GET /webhooks',
  'POST /webhooks',
  'GET /webhooks/{subscriptionId}',
  'PATCH /webhooks/{subscriptionId}',
  'DELETE /webhooks/{subscriptionId}',
  'POST /webhooks/{subscriptionId}/secret',
  'GET /webhooks/{subscriptionId}/deliveries',
  'POST /webhooks/{subscriptionId}/deliveries/{deliveryId}/resend',
];

describe('the agency’s own lists', () => {
  it.each(agencyOnly)('%s answers clients 403: an admin, a member, another organisation’s admin', async (key) => {
    const member = await asDemoUser(people.clientMember);
    for (const client of [owner, member, outsiders.otherOrg]) {
      const answer = await validCall(key)(client);
      expect(answer.status).toBe(403);
      expect(JSON.stringify(answer)).not.toMatch(/Secret Acme|org-acme/);
    }
  });
});

describe('roles within the organisation', () => {
  it('lets a member see and discuss but not invite people (403)', async () => {
    const petr = await asDemoUser(people.clientMember);
    const path = { requestId: fixture.requestId };
    expect((await petr.send(routes.getRequest, { path })).status).toBe(200);
    expect((await petr.send(routes.postMessage, { path, body: { body: 'ok' } })).status).toBe(201);
    expect((await petr.send(routes.inviteParticipant, { path, body: { email: 'x@partner.example' } })).status).toBe(403);
    expect((await petr.send(routes.postMessage, { path, body: { body: 'psst', internal: true } })).status).toBe(403);
  });

  it('keeps internal attachments away from clients (404)', async () => {
    const eva = await asDemoUser(people.agent);
    const path = { requestId: fixture.requestId };
    const internal = await eva.send(routes.requestUpload, {
      path,
      body: {
        fileName: 'kalkulace.xlsx',
        size: 10,
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        internal: true,
      },
    });
    expect(internal.status).toBe(201);
    const answer = await owner.send(routes.downloadAttachment, { path: { ...path, attachmentId: ok(internal).attachment.attachmentId } });
    expect(answer.status).toBe(404);
    expect((await owner.send(routes.requestUpload, { path, body: { fileName: 'a.pdf', size: 1, contentType: 'application/pdf', internal: true } })).status).toBe(403);
  });

  it('refuses an internal file with a message to the client, even from staff, and takes it with an internal note', async () => {
    const eva = await asDemoUser(people.agent);
    const path = { requestId: fixture.requestId };
    const { attachmentId } = ok(await attach(eva, fixture.requestId, { internal: true }));
    const message = await eva.send(routes.postMessage, { path, body: { body: 'See the file.', attachmentIds: [attachmentId] } });
    expect(message.status).toBe(400);
    expect(JSON.stringify(message.error)).toContain('body.attachmentIds.0');
    // Cited once the malware scan found it clean.
    expect(await waitForScan(eva, fixture.requestId, attachmentId)).toMatchObject({ scan: 'clean' });
    expect((await eva.send(routes.postMessage, { path, body: { body: 'For us only.', internal: true, attachmentIds: [attachmentId] } })).status).toBe(201);
  });
});

describe('filing on behalf of an organisation', () => {
  it('lets agency staff file for an existing organisation and asks them which one', async () => {
    const eva = await asDemoUser(people.agent);
    expect(await eva.send(routes.createRequest, { body: { ...newInquiry('Telefonát od Acme'), orgId: 'org-acme' } })).toMatchObject({
      status: 201,
      data: { orgId: 'org-acme', createdBy: eva.userId },
    });
    const missing = await eva.send(routes.createRequest, { body: newInquiry() });
    expect(missing).toMatchObject({ status: 400, error: { details: [{ field: 'body.orgId' }] } });
    expect((await eva.send(routes.createRequest, { body: { ...newInquiry(), orgId: 'org-nowhere' } })).status).toBe(404);
  });

  it('does not let a participant file requests', async () => {
    const karl = await asInvitedPerson('ex.participant@partner.example');
    expect((await karl.send(routes.createRequest, { body: newInquiry() })).status).toBe(403);
  });
});
