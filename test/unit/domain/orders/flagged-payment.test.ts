import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../../../lib/domain/errors.js';
import { isOpenFlag, nextStepOf, resolutionConflict } from '../../../../lib/domain/orders/flagged-payment.js';
import { PaymentProblem } from '../../../../lib/domain/orders/payment.js';

const resolution = { by: 'u-eva', byName: 'Eva Agentová', at: '2026-12-08T09:00:00.000Z', note: 'Refunded.' };

describe('what to do about a flagged payment', () => {
  it.each([
    ['amount', /ask the client to pay the difference \(or refund what was paid too much\), then resolve it/],
    ['currency', /refund it and ask the client to pay in the order’s currency, then resolve it/],
    ['not_awaiting', /refund it or agree with the client what it pays for, then resolve it/],
    ['unknown_order', /find the order by the reference or the sender, record the payment on it .*without a paymentId.*then resolve it naming the request/],
  ] as const)('says it in one sentence for %s', (problem, sentence) => {
    expect(nextStepOf({ problem })).toMatch(sentence);
  });

  it('has a sentence for every reason a payment is flagged, each ending in resolving it', () => {
    for (const problem of PaymentProblem.options) expect(nextStepOf({ problem }), problem).toMatch(/then resolve it/);
  });

  it('takes a payment flagged before reasons had names for one not awaiting payment', () => {
    expect(nextStepOf({})).toBe(nextStepOf({ problem: 'not_awaiting' }));
  });

  it('says there is nothing to do once someone resolved it, naming them', () => {
    expect(nextStepOf({ problem: 'amount', resolution })).toBe('Nothing to do: Eva Agentová resolved it.');
  });
});

describe('the flagged list', () => {
  it('holds payments that were not taken and are not resolved, and no other', () => {
    expect(isOpenFlag({ matched: false })).toBe(true);
    expect(isOpenFlag({ matched: false, resolution })).toBe(false);
    expect(isOpenFlag({ matched: true })).toBe(false);
  });
});

describe('resolving a flagged payment', () => {
  it('is allowed once, for a payment that did not pay its order', () => {
    expect(resolutionConflict({ paymentId: 'bank-1', matched: false })).toBeUndefined();
  });

  it('refuses a payment that paid its order: nothing was flagged', () => {
    const refusal = resolutionConflict({ paymentId: 'bank-1', matched: true });
    expect(refusal).toBeInstanceOf(ConflictError);
    expect(refusal).toMatchObject({ message: 'Payment bank-1 paid its order: it was not flagged', next: 'Nothing to resolve' });
  });

  it('refuses a second resolution, naming who resolved it and when, and what to do instead', () => {
    const refusal = resolutionConflict({ paymentId: 'bank-1', matched: false, resolution });
    expect(refusal?.message).toBe('Payment bank-1 was resolved already, by Eva Agentová at 2026-12-08T09:00:00.000Z');
    expect(refusal?.next).toMatch(/^Nothing to do: it has left the flagged list/);
  });
});
