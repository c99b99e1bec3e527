import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { routes } from '../../lib/http/routes.js';
import { stringsFor } from '../../lib/mail/strings.js';
import { asDemoUser, ok, people, type Client } from '../support/api-client.js';
import { freshOrganisation } from '../support/fresh-organisation.js';
import { recipientOf, waitForMails } from '../support/mailbox.js';
import { acmeBilling, deliverPayment, pricedOffer, pricedOfferGross, waitForRequest } from '../support/offers.js';
import { businessNow } from '../support/workflow-clock.js';

/** The agency's list of payments that did not settle their order, across all orders, and resolving them. */

/** A fresh organisation's request whose order waits for payment. */
const awaitingPayment = async (label: string) => {
  const org = await freshOrganisation(label);
  const agent = await asDemoUser(people.agent);
  ok(await org.admin.send(routes.setBilling, { path: { orgId: org.orgId }, body: acmeBilling }));
  const { requestId } = ok(await org.admin.send(routes.createRequest, { body: { type: 'inquiry', title: `Platby ${label}`, description: '', platform: 'azami' } }));
  const offer = ok(await agent.send(routes.postOffer, { path: { requestId }, body: pricedOffer() }));
  ok(await org.admin.send(routes.acceptOffer, { path: { requestId, offerNumber: offer.number }, body: { contentHash: offer.contentHash } }));
  const { order } = ok(await org.admin.send(routes.getOrder, { path: { requestId } }));
  return { ...org, agent, requestId, order };
};

/** A payment the bank reports through the webhook, signed at the stack's business time. */
const bankPays = async (payment: { paymentId: string; variableSymbol: string; amount: number; currency?: string; reference?: string }) => {
  const stack = inject('stack');
  const now = await businessNow(stack);
  return deliverPayment(stack, { currency: 'CZK', paidAt: now.toISOString(), ...payment }, now);
};

/** The flagged list read to its end (other tests flag payments too), newest first as it answers. */
const wholeFlaggedList = async (client: Client) => {
  const items = [];
  let cursor: string | undefined;
  do {
    const page = ok(await client.send(routes.listFlaggedPayments, { query: { limit: 100, ...(cursor ? { cursor } : {}) } }));
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
};
const flagged = async (client: Client, paymentId: string) => (await wholeFlaggedList(client)).filter((item) => item.paymentId === paymentId);

const bankId = (label: string) => `bank-${label}-${randomUUID().slice(0, 8)}`;

describe('flagged payments', () => {
  it('lists a payment of the wrong amount with its order, what the order asked for and what to do', async () => {
    const { agent, requestId, order } = await awaitingPayment('Wrong');
    const paymentId = bankId('wrong');
    expect(await bankPays({ paymentId, variableSymbol: order.variableSymbol, amount: pricedOfferGross - 10_000, reference: 'Faktura Wrong' })).toMatchObject({
      status: 200,
      body: { outcome: 'flagged' },
    });
    expect(await flagged(agent, paymentId)).toEqual([
      {
        paymentId,
        amount: pricedOfferGross - 10_000,
        currency: 'CZK',
        paidAt: expect.any(String),
        reference: 'Faktura Wrong',
        variableSymbol: order.variableSymbol,
        source: 'webhook',
        flaggedAt: expect.any(String),
        recordedBy: 'payment-webhook',
        requestId,
        orderNumber: order.orderNumber,
        expected: { amount: pricedOfferGross, currency: 'CZK' },
        problem: 'amount',
        next: expect.stringMatching(/^The amount is not the order’s: ask the client to pay the difference .*then resolve it/),
      },
    ]);
  });

  it('lists a payment whose variable symbol matches no order, with what to do, and answers the bank as before', async () => {
    const eva = await asDemoUser(people.agent);
    const paymentId = bankId('unknown');
    const delivery = { paymentId, variableSymbol: '9999999999', amount: 150_000, reference: 'Acme objednávka 2026-42' };
    expect(await bankPays(delivery)).toEqual({ status: 200, body: { outcome: 'unknown_order' } });
    // Delivered again, it is answered the same and recorded once.
    expect(await bankPays(delivery)).toEqual({ status: 200, body: { outcome: 'unknown_order' } });
    const listed = await flagged(eva, paymentId);
    expect(listed).toEqual([
      expect.objectContaining({ paymentId, amount: 150_000, reference: 'Acme objednávka 2026-42', variableSymbol: '9999999999', problem: 'unknown_order' }),
    ]);
    expect(listed[0]).not.toHaveProperty('requestId');
    expect(listed[0]).not.toHaveProperty('expected');
    expect(listed[0]!.next).toMatch(/find the order by the reference .*record the payment on it .*then resolve it/);
  });

  it('lets the agency record an unknown payment on the order it finds, then resolve it: it leaves the list, the note kept', async () => {
    const { agent, admin, requestId } = await awaitingPayment('Found');
    const paymentId = bankId('found');
    await bankPays({ paymentId, variableSymbol: '1', amount: pricedOfferGross, reference: `Found ${requestId}` });
    const paidAt = (await businessNow(inject('stack'))).toISOString();
    // The bank's id is the flagged record's: recording it under that id on the order is refused with what to do.
    const taken = await agent.send(routes.recordPayment, { path: { requestId }, body: { amount: pricedOfferGross, currency: 'CZK', paidAt, paymentId } });
    expect(taken).toMatchObject({ status: 409, error: { next: expect.stringMatching(/without a paymentId, then resolve the flagged one/) } });
    expect(ok(await agent.send(routes.recordPayment, { path: { requestId }, body: { amount: pricedOfferGross, currency: 'CZK', paidAt, reference: paymentId } }))).toMatchObject({
      outcome: 'paid',
    });
    await waitForRequest(admin, requestId, (status) => status === 'queued');

    const resolved = ok(await agent.send(routes.resolveFlaggedPayment, { path: { paymentId }, body: { note: `Recorded on ${requestId}.` } }));
    expect(resolved).toMatchObject({ paymentId, problem: 'unknown_order', resolution: { by: agent.userId, note: `Recorded on ${requestId}.` }, next: expect.stringMatching(/^Nothing to do/) });
    expect(await flagged(agent, paymentId)).toEqual([]);
  });

  it('resolves a flagged payment once: off the list, on the order and the agency’s timeline, mailed to the rest of the agency; a second resolution is a 409 naming who resolved it', async () => {
    const { agent, admin, requestId, order, emails } = await awaitingPayment('Resolve');
    const tomas = await asDemoUser(people.admin);
    const paymentId = bankId('resolve');
    await bankPays({ paymentId, variableSymbol: order.variableSymbol, amount: 100 });
    expect(await flagged(agent, paymentId)).toHaveLength(1);

    const note = 'Refunded 1,00 Kč to the client’s account; they pay the order in full.';
    const answer = ok(await agent.send(routes.resolveFlaggedPayment, { path: { paymentId }, body: { note } }));
    expect(answer).toMatchObject({ paymentId, requestId, problem: 'amount', resolution: { by: agent.userId, byName: expect.any(String), at: expect.any(String), note } });
    expect(await flagged(agent, paymentId)).toEqual([]);

    // The agency sees the resolution with the payment on the order; the client still sees no flagged payment.
    const agencyOrder = ok(await tomas.send(routes.getOrder, { path: { requestId } }));
    expect(agencyOrder.payments.find((payment) => payment.paymentId === paymentId)).toMatchObject({ matched: false, problem: 'amount', resolution: { note } });
    expect(ok(await admin.send(routes.getOrder, { path: { requestId } })).payments).toEqual([]);

    // The timeline records it for the agency only.
    const entry = ok(await tomas.send(routes.listTimeline, { path: { requestId } })).items.find((item) => item.kind === 'payment_resolved');
    expect(entry).toMatchObject({ visibility: 'agency', actorId: agent.userId, body: note, details: { paymentId, reason: 'amount', received: '100', receivedCurrency: 'CZK', source: 'webhook' } });
    expect(ok(await admin.send(routes.listTimeline, { path: { requestId } })).items.some((item) => item.kind === 'payment_resolved')).toBe(false);

    // Nobody is assigned: the rest of the agency is mailed, not who resolved it, and no client. Other
    // tests add staff to the same stack, so the rest of the agency is Tomáš and whoever else is staff.
    const subjects = new RegExp(`${stringsFor('cs').summaries.payment_resolved}|${stringsFor('en').summaries.payment_resolved}`);
    const resolvedMails = (all: Awaited<ReturnType<typeof waitForMails>>) => all.filter((mail) => subjects.test(mail.subject));
    const mails = await waitForMails(requestId, (all) => resolvedMails(all).some((mail) => recipientOf(mail) === people.admin.toLowerCase()));
    const recipients = resolvedMails(mails).map(recipientOf);
    expect(recipients).toContain(people.admin.toLowerCase());
    expect(recipients).not.toContain(people.agent.toLowerCase());
    expect(recipients).not.toContain(emails.admin.toLowerCase());
    expect(recipients).not.toContain(emails.member.toLowerCase());

    const again = await tomas.send(routes.resolveFlaggedPayment, { path: { paymentId }, body: { note: 'Refunded.' } });
    expect(again).toMatchObject({ status: 409, error: { code: 'conflict', message: expect.stringMatching(/was resolved already, by .* at /), next: expect.stringMatching(/^Nothing to do/) } });
  });

  it('lets exactly one of two resolutions at once win; the other is a 409', async () => {
    const { agent, order } = await awaitingPayment('Race');
    const tomas = await asDemoUser(people.admin);
    const paymentId = bankId('race');
    await bankPays({ paymentId, variableSymbol: order.variableSymbol, amount: 100 });
    const answers = await Promise.all([
      agent.send(routes.resolveFlaggedPayment, { path: { paymentId }, body: { note: 'Refunded (Eva).' } }),
      tomas.send(routes.resolveFlaggedPayment, { path: { paymentId }, body: { note: 'Refunded (Tomáš).' } }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const winner = answers.find((answer) => answer.status === 200)!;
    const { payments } = ok(await tomas.send(routes.getOrder, { path: { requestId: order.requestId } }));
    expect(payments.find((payment) => payment.paymentId === paymentId)?.resolution).toEqual((winner.data as { resolution: unknown }).resolution);
  });

  it('is the agency’s: clients are refused (403); an id no payment has is a 404, one that paid its order a 409', async () => {
    const { admin, member, agent, requestId, order } = await awaitingPayment('Refused');
    const paymentId = bankId('paid');
    expect(await bankPays({ paymentId, variableSymbol: order.variableSymbol, amount: pricedOfferGross })).toMatchObject({ body: { outcome: 'paid' } });
    await waitForRequest(admin, requestId, (status) => status === 'queued');
    for (const client of [admin, member]) {
      expect((await client.send(routes.listFlaggedPayments)).status).toBe(403);
      expect((await client.send(routes.resolveFlaggedPayment, { path: { paymentId }, body: { note: 'x' } })).status).toBe(403);
    }
    expect((await agent.send(routes.resolveFlaggedPayment, { path: { paymentId: bankId('none') }, body: { note: 'x' } })).status).toBe(404);
    expect(await agent.send(routes.resolveFlaggedPayment, { path: { paymentId }, body: { note: 'x' } })).toMatchObject({ status: 409, error: { message: `Payment ${paymentId} paid its order: it was not flagged` } });
    expect(await agent.send(routes.resolveFlaggedPayment, { path: { paymentId }, body: { note: '   ' } })).toMatchObject({ status: 400, error: { details: [{ field: 'body.note' }] } });
  });

  it('pages newest first with limit and cursor', async () => {
    const { agent, order } = await awaitingPayment('Pages');
    for (const i of [1, 2, 3]) await bankPays({ paymentId: bankId(`page${i}`), variableSymbol: order.variableSymbol, amount: i });
    const first = ok(await agent.send(routes.listFlaggedPayments, { query: { limit: 2 } }));
    expect(first.items).toHaveLength(2);
    const second = ok(await agent.send(routes.listFlaggedPayments, { query: { limit: 2, cursor: first.nextCursor } }));
    const times = [...first.items, ...second.items].map((item) => item.flaggedAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(new Set([...first.items, ...second.items].map((item) => item.paymentId)).size).toBe(first.items.length + second.items.length);
    expect(await agent.send(routes.listFlaggedPayments, { query: { cursor: 'forged' } })).toMatchObject({ status: 400, error: { details: [{ field: 'query.cursor' }] } });
  });
});
