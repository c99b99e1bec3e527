import { describe, expect, inject, it } from 'vitest';
import { routes } from '../../lib/http/routes.js';
import { asDemoUser, ok, people } from '../support/api-client.js';
import { freshOrganisation } from '../support/fresh-organisation.js';
import { acmeBilling, deliverPayment, pricedOffer, pricedOfferGross, waitForRequest } from '../support/offers.js';
import { businessNow } from '../support/workflow-clock.js';

/** The payment provider's webhook as a bank uses it: every valid delivery ends recorded exactly once. */

const awaitingPayment = async (label: string) => {
  const org = await freshOrganisation(label);
  const agent = await asDemoUser(people.agent);
  ok(await org.admin.send(routes.setBilling, { path: { orgId: org.orgId }, body: acmeBilling }));
  const { requestId } = ok(await org.admin.send(routes.createRequest, { body: { type: 'inquiry', title: `Platby ${label}`, description: '', platform: 'azami' } }));
  const offer = ok(await agent.send(routes.postOffer, { path: { requestId }, body: pricedOffer() }));
  ok(await org.admin.send(routes.acceptOffer, { path: { requestId, offerNumber: offer.number }, body: { contentHash: offer.contentHash } }));
  const { order } = ok(await org.admin.send(routes.getOrder, { path: { requestId } }));
  return { ...org, agent, requestId, variableSymbol: order.variableSymbol };
};

describe('the payment webhook', () => {
  it('records each of 10 distinct deliveries for one order at once exactly once: one pays it, the others are flagged, none is refused', async () => {
    const { admin, agent, requestId, variableSymbol } = await awaitingPayment('Race');
    const stack = inject('stack');
    const now = await businessNow(stack);
    const deliveries = Array.from({ length: 10 }, (_, i) => ({ paymentId: `bank-race-${requestId}-${i}`, variableSymbol, amount: pricedOfferGross, currency: 'CZK', paidAt: now.toISOString() }));

    const answers = await Promise.all(deliveries.map((payment) => deliverPayment(stack, payment, now)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(200));
    expect(answers.map((answer) => answer.body.outcome).sort()).toEqual(['paid', ...Array(9).fill('flagged')].sort());

    const { payments } = ok(await agent.send(routes.getOrder, { path: { requestId } }));
    expect(payments.map((payment) => payment.paymentId).sort()).toEqual(deliveries.map((payment) => payment.paymentId).sort());
    expect(payments.filter((payment) => payment.matched)).toHaveLength(1);
    expect(payments.filter((payment) => !payment.matched).every((payment) => payment.problem === 'not_awaiting')).toBe(true);
    await waitForRequest(admin, requestId, (status) => status === 'queued');

    // The provider delivers them all again: each is the one already recorded.
    const again = await Promise.all(deliveries.map((payment) => deliverPayment(stack, payment, now)));
    expect(again.map((answer) => [answer.status, answer.body.outcome])).toEqual(Array(10).fill([200, 'duplicate']));
  });

  it('refuses a line break in the payment id or the reference with a 400 naming the field, and records nothing', async () => {
    const { agent, requestId, variableSymbol } = await awaitingPayment('Lines');
    const stack = inject('stack');
    const now = await businessNow(stack);
    const payment = { paymentId: `bank-lines-${requestId}`, variableSymbol, amount: pricedOfferGross, currency: 'CZK', paidAt: now.toISOString() };
    const brokenReference = await deliverPayment(stack, { ...payment, reference: 'VS\r\nBcc: x@evil.example' }, now);
    expect(brokenReference).toMatchObject({ status: 400, body: { error: { details: [{ field: 'body.reference' }] } } });
    const brokenId = await deliverPayment(stack, { ...payment, paymentId: `${payment.paymentId}\nX` }, now);
    expect(brokenId).toMatchObject({ status: 400, body: { error: { details: [{ field: 'body.paymentId' }] } } });
    const recorded = await agent.send(routes.recordPayment, { path: { requestId }, body: { amount: pricedOfferGross, currency: 'CZK', paidAt: now.toISOString(), paymentId: 'agent\r\nX-Injected: 1' } });
    expect(recorded).toMatchObject({ status: 400, error: { details: [{ field: 'body.paymentId' }] } });
    expect(ok(await agent.send(routes.getOrder, { path: { requestId } })).payments).toEqual([]);
  });

  it('answers a variable symbol that is none of ours as unknown, naming no request', async () => {
    const stack = inject('stack');
    const now = await businessNow(stack);
    const answer = await deliverPayment(stack, { paymentId: `bank-unknown-${now.getTime()}`, variableSymbol: '9999999999', amount: 100, currency: 'CZK', paidAt: now.toISOString() }, now);
    expect(answer).toEqual({ status: 200, body: { outcome: 'unknown_order' } });
  });
});
