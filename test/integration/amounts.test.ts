import { describe, expect, inject, it } from 'vitest';
import { routes } from '../../lib/http/routes.js';
import { asDemoUser, ok, people } from '../support/api-client.js';
import { freshOrganisation } from '../support/fresh-organisation.js';
import { acmeBilling, deliverPayment, waitForRequest } from '../support/offers.js';
import { businessNow } from '../support/workflow-clock.js';

/** Amounts as large as the published schema allows: exact, or a 400 naming the field; never a 5xx. */

const filed = async (label: string) => {
  const org = await freshOrganisation(label);
  const agent = await asDemoUser(people.agent);
  ok(await org.admin.send(routes.setBilling, { path: { orgId: org.orgId }, body: acmeBilling }));
  const request = ok(await org.admin.send(routes.createRequest, { body: { type: 'inquiry', title: `Velká zakázka ${label}`, description: '', platform: 'azami' } }));
  return { ...org, agent, requestId: request.requestId };
};

describe('the largest amounts the API publishes', () => {
  it('refuses a line of 10^6 units at 10^12 each with a 400 naming its unit price, not a 500', async () => {
    const { agent, requestId } = await filed('Overflow');
    const answer = await agent.send(routes.postOffer, {
      path: { requestId },
      body: { lines: [{ description: 'Největší položka', quantity: 1_000_000, unit: 'ks', unitPrice: 1_000_000_000_000, vatRate: 21 }], currency: 'CZK', deliveryEstimate: '1 den' },
    });
    expect(answer).toMatchObject({ status: 400, error: { code: 'validation_failed', details: [{ field: 'body.lines.0.unitPrice', reason: expect.stringContaining('1000000000000') }] } });
  });

  it('refuses lines whose total with VAT passes 10^12, naming the lines', async () => {
    const { agent, requestId } = await filed('Gross');
    const line = { description: 'Položka', quantity: 1, unit: 'ks', unitPrice: 600_000_000_000, vatRate: 21 };
    const answer = await agent.send(routes.postOffer, { path: { requestId }, body: { lines: [line, line], currency: 'CZK', deliveryEstimate: '1 den' } });
    expect(answer).toMatchObject({ status: 400, error: { details: [{ field: 'body.lines', reason: expect.stringContaining('total with VAT') }] } });
  });

  it('takes the largest offer within the limit with exact totals through acceptance and a payment of its gross', async () => {
    const { admin, agent, requestId } = await filed('Largest');
    // 826 446 280 991 + 21 % (173 553 719 008.11 → …008) = 999 999 999 999: one below the limit.
    const posted = await agent.send(routes.postOffer, {
      path: { requestId },
      body: { lines: [{ description: 'Největší položka', quantity: 1, unit: 'ks', unitPrice: 826_446_280_991, vatRate: 21 }], currency: 'CZK', deliveryEstimate: '1 den' },
    });
    expect(posted.status).toBe(201);
    const offer = ok(posted);
    expect(offer.totals).toEqual({ lineNets: [826_446_280_991], net: 826_446_280_991, vat: [{ rate: 21, base: 826_446_280_991, vat: 173_553_719_008 }], gross: 999_999_999_999 });
    ok(await admin.send(routes.acceptOffer, { path: { requestId, offerNumber: offer.number }, body: { contentHash: offer.contentHash } }));
    const { order } = ok(await admin.send(routes.getOrder, { path: { requestId } }));
    expect(order.totals.gross).toBe(999_999_999_999);
    const stack = inject('stack');
    const now = await businessNow(stack);
    const paid = await deliverPayment(stack, { paymentId: `bank-max-${requestId}`, variableSymbol: order.variableSymbol, amount: 999_999_999_999, currency: 'CZK', paidAt: now.toISOString() }, now);
    expect(paid).toMatchObject({ status: 200, body: { outcome: 'paid' } });
    await waitForRequest(admin, requestId, (status) => status === 'queued');
  });

  it('refuses a quantity or VAT rate off its decimal grid, however small or close, with a 400 naming it, not a 500', async () => {
    const { agent, requestId } = await filed('Grid');
    const line = { description: 'Položka', quantity: 1, unit: 'h', unitPrice: 3, vatRate: 21 };
    const cases = [
      [{ ...line, quantity: 1e-300 }, 'body.lines.0.quantity'],
      [{ ...line, quantity: 1.0000000000000002 }, 'body.lines.0.quantity'],
      [{ ...line, vatRate: 1e-300 }, 'body.lines.0.vatRate'],
      [{ ...line, vatRate: 21.000000000000004 }, 'body.lines.0.vatRate'],
    ] as const;
    for (const [offered, field] of cases) {
      const answer = await agent.send(routes.postOffer, { path: { requestId }, body: { lines: [offered], currency: 'CZK', deliveryEstimate: '1 den' } });
      expect(answer, JSON.stringify(offered)).toMatchObject({ status: 400, error: { details: [{ field }] } });
    }
  });

  it('refuses a recorded payment above 10^12 with a 400 naming the amount', async () => {
    const { agent, requestId } = await filed('Payment');
    const answer = await agent.send(routes.recordPayment, { path: { requestId }, body: { amount: 1e12 + 1, currency: 'CZK', paidAt: new Date().toISOString() } });
    expect(answer).toMatchObject({ status: 400, error: { details: [{ field: 'body.amount' }] } });
  });
});
