import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import * as z from 'zod';
import { pragueTime } from '../../lib/domain/time.js';
import { routes } from '../../lib/http/routes.js';
import { asDemoUser, asInvitedPerson, ok, people, type Client } from '../support/api-client.js';
import { freshOrganisation } from '../support/fresh-organisation.js';
import { acmeBilling, deliverPayment, freeOffer, pricedOffer, pricedOfferGross, waitForRequest } from '../support/offers.js';
import { advanceClock, businessNow } from '../support/workflow-clock.js';
import { pollUntil } from '../../local/poll.js';

/** A mail with its attachments, as the local SES server keeps it. */
const StoredMail = z.object({
  subject: z.string(),
  destination: z.object({ to: z.array(z.string()) }),
  attachments: z.array(z.object({ filename: z.string().optional(), contentType: z.string(), content: z.string() })).optional(),
});

const mailsAbout = async (requestId: string) => {
  const response = await fetch(`${inject('stack').mailUrl}/store?about=${requestId}`);
  const { emails } = z.object({ emails: z.array(StoredMail) }).parse(await response.json());
  return emails.filter((mail) => mail.subject.includes(`[#${requestId}]`));
};

const waitForMail = (requestId: string, match: (mail: z.infer<typeof StoredMail>) => boolean, timeoutMs = 20_000) =>
  pollUntil(`a mail about ${requestId}`, async () => (await mailsAbout(requestId)).find(match), {
    timeoutMs,
    intervalMs: 150,
    state: async () => `got: ${(await mailsAbout(requestId)).map((m) => m.subject).join(' | ')}`,
  });

const pdfText = (pdf: Buffer) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'order-')), 'order.pdf');
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
};

/** An organisation with billing details, a request its admin filed, and the agent. */
const quotedSetUp = async (label: string) => {
  const org = await freshOrganisation(label);
  const agent = await asDemoUser(people.agent);
  ok(await org.admin.send(routes.setBilling, { path: { orgId: org.orgId }, body: acmeBilling }));
  const request = ok(await org.admin.send(routes.createRequest, { body: { type: 'inquiry', title: `E-shop ${label}`, description: 'Košík a platby.', platform: 'azami' } }));
  return { ...org, agent, requestId: request.requestId, path: { requestId: request.requestId } };
};

const currentOffer = async (client: Client, requestId: string) => ok(await client.send(routes.listOffers, { path: { requestId } })).at(-1)!;

describe('offers, binding orders and payment, driven by the workflow', () => {
  it('takes an offer through acceptance, the order PDF and its mail, to payment by webhook and the work queue', async () => {
    const { admin, agent, requestId, path: requestPath, emails } = await quotedSetUp('Paid');
    const posted = await agent.send(routes.postOffer, { path: requestPath, body: { ...pricedOffer(), note: 'Nabídka dle domluvy.' } });
    expect(posted.status).toBe(201);
    const offer = ok(posted);
    expect(offer.totals).toMatchObject({ net: 1_974_900, gross: pricedOfferGross, vat: [{ rate: 12, vat: 11_988 }, { rate: 21, vat: 393_750 }] });

    const accepted = await admin.send(routes.acceptOffer, { path: { ...requestPath, offerNumber: offer.number }, body: { contentHash: offer.contentHash } });
    expect(accepted.status).toBe(200);
    expect(ok(accepted).request.status).toBe('awaiting_payment');
    expect(ok(accepted).offer.decision).toMatchObject({ decision: 'accepted', ip: expect.any(String), userAgent: expect.any(String) });

    // The workflow renders the PDF and the notifier mails it, attached, to the client.
    const mail = await waitForMail(requestId, (m) => m.destination.to.includes(emails.admin) && (m.attachments ?? []).some((a) => a.contentType === 'application/pdf'));
    const pdf = Buffer.from(mail.attachments!.find((a) => a.contentType === 'application/pdf')!.content, 'base64');
    const text = pdfText(pdf);
    expect(text).toContain(`OBJ-${requestId}`);
    expect(text).toContain('Žluťoučký kůň s.r.o.');
    expect(text.replace(/\s/g, ' ')).toMatch(/23\s806,38/);

    const order = ok(await admin.send(routes.getOrder, { path: requestPath }));
    expect(order.order).toMatchObject({ orderNumber: `OBJ-${requestId}`, variableSymbol: requestId.replace('-', '').replace(/^(\d{4})(\d+)$/, (_, y: string, s: string) => `${y}${s.padStart(6, '0')}`) });
    const stored = Buffer.from(await (await fetch(order.download!.url)).arrayBuffer());
    expect(stored.equals(pdf)).toBe(true);

    const paid = await deliverPayment(inject('stack'), { paymentId: `bank-${requestId}`, variableSymbol: order.order.variableSymbol, amount: pricedOfferGross, currency: 'CZK', paidAt: new Date().toISOString() }, await businessNow(inject('stack')));
    expect(paid).toMatchObject({ status: 200, body: { outcome: 'paid', requestId } });
    expect((await waitForRequest(admin, requestId, (s) => s === 'queued')).status).toBe('queued');
  });

  it('goes back to clarifying on a rejection, and takes the revised offer', async () => {
    const { admin, agent, requestId, path: requestPath } = await quotedSetUp('Revised');
    const first = ok(await agent.send(routes.postOffer, { path: requestPath, body: pricedOffer() }));
    const rejected = await admin.send(routes.rejectOffer, { path: { ...requestPath, offerNumber: first.number }, body: { contentHash: first.contentHash, reason: 'Příliš drahé, bez školení prosím.' } });
    expect(ok(rejected).request.status).toBe('clarifying');
    const revised = ok(await agent.send(routes.postOffer, { path: requestPath, body: { ...pricedOffer(), lines: pricedOffer().lines.slice(0, 1) } }));
    expect(revised.number).toBe(2);
    // The rejected offer can't be accepted any more; the revision can.
    const late = await admin.send(routes.acceptOffer, { path: { ...requestPath, offerNumber: 1 }, body: { contentHash: first.contentHash } });
    expect(late.status).toBe(409);
    const accepted = await admin.send(routes.acceptOffer, { path: { ...requestPath, offerNumber: 2 }, body: { contentHash: revised.contentHash } });
    expect(ok(accepted).request.status).toBe('awaiting_payment');
    const offers = ok(await admin.send(routes.listOffers, { path: requestPath }));
    expect(offers.map((o) => o.status)).toEqual(['rejected', 'accepted']);
    expect(requestId).toBeTruthy();
  });

  it('reminds before an offer’s validity ends, then expires it', async () => {
    const { admin, agent, requestId, path: requestPath, emails } = await quotedSetUp('Expiry');
    const now = await businessNow(inject('stack'));
    const validUntil = new Date(now.getTime() + 10 * 24 * 3600_000).toISOString();
    ok(await agent.send(routes.postOffer, { path: requestPath, body: pricedOffer(validUntil) }));
    // Three days before the end: a reminder to the client.
    await advanceClock(inject('stack'), 7.5 * 24 * 3600);
    const reminder = await waitForMail(requestId, (m) => m.destination.to.includes(emails.admin) && /Nabídka brzy vyprší/.test(m.subject));
    expect(reminder).toBeDefined();
    // At the end: expired.
    await advanceClock(inject('stack'), 3 * 24 * 3600);
    expect((await waitForRequest(admin, requestId, (s) => s === 'offer_expired')).status).toBe('offer_expired');
    expect((await currentOffer(admin, requestId)).status).toBe('expired');
    // It expired at the end of its validity, not when the workflow woke to record it.
    const timeline = ok(await agent.send(routes.listTimeline, { path: requestPath, query: { limit: 50 } }));
    expect(timeline.items.filter((entry) => entry.details?.action === 'expire_offer')).toEqual([expect.objectContaining({ createdAt: validUntil })]);
  });

  it('reminds the client on the due date of an unpaid order, once', async () => {
    const { admin, agent, requestId, path: requestPath, emails } = await quotedSetUp('Due');
    const offer = ok(await agent.send(routes.postOffer, { path: requestPath, body: pricedOffer() }));
    ok(await admin.send(routes.acceptOffer, { path: { ...requestPath, offerNumber: offer.number }, body: { contentHash: offer.contentHash } }));
    const { dueDate } = ok(await admin.send(routes.getOrder, { path: requestPath })).order;
    await waitForMail(requestId, (m) => m.destination.to.includes(emails.admin) && (m.attachments ?? []).length > 0);
    // To the due date's morning (9:00 Prague), then a day more: one reminder, not two.
    const dueMorning = pragueTime(dueDate, '09:00:00').getTime();
    await advanceClock(inject('stack'), (dueMorning - (await businessNow(inject('stack'))).getTime()) / 1000 + 60);
    await waitForMail(requestId, (m) => m.destination.to.includes(emails.admin) && /Připomínka platby/.test(m.subject));
    await advanceClock(inject('stack'), 24 * 3600);
    const timeline = ok(await agent.send(routes.listTimeline, { path: requestPath, query: { limit: 50 } }));
    expect(timeline.items.filter((e) => e.kind === 'payment_reminder')).toHaveLength(1);
    expect(ok(await admin.send(routes.getRequest, { path: requestPath })).status).toBe('awaiting_payment');
  });

  it('puts a zero-price offer straight into the queue, with no order and no payment', async () => {
    const { admin, agent, requestId, path: requestPath } = await quotedSetUp('Free');
    const offer = ok(await agent.send(routes.postOffer, { path: requestPath, body: freeOffer() }));
    expect(offer.totals.gross).toBe(0);
    const accepted = await admin.send(routes.acceptOffer, { path: { ...requestPath, offerNumber: offer.number }, body: { contentHash: offer.contentHash } });
    expect(ok(accepted).request.status).toBe('queued');
    expect((await admin.send(routes.getOrder, { path: requestPath })).status).toBe(404);
    expect(requestId).toBeTruthy();
  });

  it('checks the webhook: signature, replay window, one payment per id, and a wrong amount flagged', async () => {
    const { admin, agent, requestId, path: requestPath } = await quotedSetUp('Webhook');
    const offer = ok(await agent.send(routes.postOffer, { path: requestPath, body: pricedOffer() }));
    ok(await admin.send(routes.acceptOffer, { path: { ...requestPath, offerNumber: offer.number }, body: { contentHash: offer.contentHash } }));
    const { variableSymbol } = ok(await admin.send(routes.getOrder, { path: requestPath })).order;
    const stack = inject('stack');
    const now = await businessNow(stack);
    const payment = { paymentId: `bank-w-${requestId}`, variableSymbol, amount: pricedOfferGross - 100, currency: 'CZK', paidAt: now.toISOString() };

    expect((await deliverPayment(stack, payment, now, 'not-the-secret')).status).toBe(401);
    expect((await deliverPayment(stack, payment, new Date(now.getTime() - 6 * 60_000))).status).toBe(401);

    const flagged = await deliverPayment(stack, payment, now);
    expect(flagged).toMatchObject({ status: 200, body: { outcome: 'flagged' } });
    const again = await deliverPayment(stack, payment, now);
    expect(again).toMatchObject({ status: 200, body: { outcome: 'duplicate' } });
    expect(ok(await admin.send(routes.getRequest, { path: requestPath })).status).toBe('awaiting_payment');
    const agencyView = ok(await agent.send(routes.getOrder, { path: requestPath }));
    expect(agencyView.payments).toHaveLength(1);
    expect(agencyView.payments[0]).toMatchObject({ matched: false, problem: 'amount' });
    const timeline = ok(await agent.send(routes.listTimeline, { path: requestPath, query: { limit: 50 } }));
    expect(timeline.items.filter((e) => e.kind === 'payment_flagged')).toHaveLength(1);

    const right = { ...payment, paymentId: `bank-r-${requestId}`, amount: pricedOfferGross };
    const [one, two] = await Promise.all([deliverPayment(stack, right, now), deliverPayment(stack, right, now)]);
    expect([one.body.outcome, two.body.outcome].sort()).toEqual(['duplicate', 'paid']);
    expect(ok(await agent.send(routes.getOrder, { path: requestPath })).payments.filter((p) => p.matched)).toHaveLength(1);
    expect((await waitForRequest(admin, requestId, (s) => s === 'queued')).status).toBe('queued');
  });

  it('records exactly one outcome for two acceptances at once', async () => {
    const { admin, member, orgId, agent, path: requestPath } = await quotedSetUp('Race');
    ok(await admin.send(routes.updateOrganisationSettings, { path: { orgId }, body: { membersMayAcceptOffers: true } }));
    const offer = ok(await agent.send(routes.postOffer, { path: requestPath, body: pricedOffer() }));
    const accept = (client: Client) => client.send(routes.acceptOffer, { path: { ...requestPath, offerNumber: offer.number }, body: { contentHash: offer.contentHash } });
    const answers = await Promise.all([accept(admin), accept(member)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const timeline = ok(await agent.send(routes.listTimeline, { path: requestPath, query: { limit: 50 } }));
    expect(timeline.items.filter((e) => e.details?.action === 'accept_offer')).toHaveLength(1);
  });

  it('records exactly one outcome when the acceptance and the expiry meet', async () => {
    const { admin, agent, requestId, path: requestPath } = await quotedSetUp('Meet');
    const now = await businessNow(inject('stack'));
    const offer = ok(await agent.send(routes.postOffer, { path: requestPath, body: pricedOffer(new Date(now.getTime() + 2 * 3600_000).toISOString()) }));
    // The clock reaches the validity's end while the client accepts.
    const [accepted] = await Promise.all([
      admin.send(routes.acceptOffer, { path: { ...requestPath, offerNumber: offer.number }, body: { contentHash: offer.contentHash } }),
      advanceClock(inject('stack'), 2 * 3600),
    ]);
    const final = await waitForRequest(admin, requestId, (s) => s === 'awaiting_payment' || s === 'offer_expired');
    expect(accepted.status === 200 ? 'awaiting_payment' : 'offer_expired').toBe(final.status);
    const timeline = ok(await agent.send(routes.listTimeline, { path: requestPath, query: { limit: 50 } }));
    const outcomes = timeline.items.filter((e) => e.details?.action === 'accept_offer' || e.details?.action === 'expire_offer');
    expect(outcomes).toHaveLength(1);
  });

  it('refuses an acceptance with a content hash other than the offer’s, and one by an invited participant or the agency', async () => {
    const { admin, agent, path: requestPath } = await quotedSetUp('Refusals');
    const offer = ok(await agent.send(routes.postOffer, { path: requestPath, body: pricedOffer() }));
    const wrongHash = await admin.send(routes.acceptOffer, { path: { ...requestPath, offerNumber: offer.number }, body: { contentHash: '0'.repeat(64) } });
    expect(wrongHash.status).toBe(409);
    const byAgency = await agent.send(routes.acceptOffer, { path: { ...requestPath, offerNumber: offer.number }, body: { contentHash: offer.contentHash } });
    expect(byAgency.status).toBe(403);
    const guestEmail = `guest.${offer.requestId.replace('-', '')}@partner.example`;
    ok(await admin.send(routes.inviteParticipant, { path: requestPath, body: { email: guestEmail } }));
    const guest = await asInvitedPerson(guestEmail);
    // A participant sees the offer, prices included, but does not decide on it, and has no order to see.
    expect(ok(await guest.send(routes.listOffers, { path: requestPath }))[0]?.totals.gross).toBe(pricedOfferGross);
    const byGuest = await guest.send(routes.acceptOffer, { path: { ...requestPath, offerNumber: offer.number }, body: { contentHash: offer.contentHash } });
    expect(byGuest.status).toBe(403);
    const missing = await admin.send(routes.acceptOffer, { path: { ...requestPath, offerNumber: 9 }, body: { contentHash: offer.contentHash } });
    expect(missing.status).toBe(404);
  });
});
