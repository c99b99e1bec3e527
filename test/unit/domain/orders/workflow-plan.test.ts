import { describe, expect, it } from 'vitest';
import { makeOffer } from '../../../../lib/domain/orders/offer.js';
import { offerReminderAt, paymentReminderAt, planCheckpoint, timeoutSecondsUntil } from '../../../../lib/domain/orders/workflow-plan.js';
import type { Order } from '../../../../lib/domain/orders/order.js';
import type { Request } from '../../../../lib/domain/request.js';
import { maxWaitSeconds } from '../../../../lib/workflow/states.js';

const request = (status: Request['status']): Request => ({
  requestId: '2026-0042', orgId: 'o', type: 'inquiry', title: 't', description: 'd', platform: 'azami', status, version: 3, createdBy: 'u', createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z',
});
const offer = makeOffer({
  terms: { lines: [{ description: 'x', quantity: 1, unit: 'h', unitPrice: 100, vatRate: 21 }], currency: 'CZK', validUntil: '2026-12-25T12:00:00.000Z', deliveryEstimate: 'd', terms: '' },
  offerId: '2026-0042/1', requestId: '2026-0042', number: 1, createdAt: '2026-11-25T12:00:00.000Z', createdBy: 'u', createdByName: 'E',
});
const order = { dueDate: '2026-12-09', document: { key: 'k', sha256: 's', size: 1, fileName: 'f' } } as Order;

describe('the checkpoint’s plan', () => {
  it('waits for the decision until the reminder, 3 days before the end', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    const plan = planCheckpoint({ request: request('quoted'), offer, reminded: false, now });
    expect(plan).toEqual({ kind: 'go', next: 'await_offer_decision', wakeAt: new Date('2026-12-22T12:00:00.000Z') });
    expect(offerReminderAt({ createdAt: '2026-11-25T12:00:00.000Z', validUntil: '2026-11-27T12:00:00.000Z' })).toEqual(new Date('2026-11-26T12:00:00.000Z'));
  });

  it('reminds once, then waits for the end, then expires the offer', () => {
    const late = new Date('2026-12-23T00:00:00Z');
    expect(planCheckpoint({ request: request('quoted'), offer, reminded: false, now: late })).toMatchObject({ kind: 'act', due: { kind: 'offer_reminder' } });
    expect(planCheckpoint({ request: request('quoted'), offer, reminded: true, now: late })).toMatchObject({ kind: 'go', wakeAt: new Date(offer.validUntil) });
    expect(planCheckpoint({ request: request('quoted'), offer, reminded: true, now: new Date(offer.validUntil) })).toMatchObject({ kind: 'act', due: { kind: 'expire_offer' } });
  });

  it('makes the order’s document first, then waits for payment with a reminder on the due date at 9:00 Prague', () => {
    expect(planCheckpoint({ request: request('awaiting_payment'), order: { ...order, document: undefined }, reminded: false, now: new Date() })).toEqual({ kind: 'go', next: 'generate_order' });
    expect(paymentReminderAt(order).toISOString()).toBe('2026-12-09T08:00:00.000Z');
    expect(planCheckpoint({ request: request('awaiting_payment'), order, reminded: false, now: new Date('2026-12-09T08:00:00Z') })).toMatchObject({ kind: 'act', due: { kind: 'payment_reminder' } });
    expect(planCheckpoint({ request: request('awaiting_payment'), order, reminded: true, now: new Date('2026-12-10T08:00:00Z') })).toEqual({ kind: 'go', next: 'await_payment', wakeAt: undefined });
  });

  it('ends where the offer stage ends: expired, declined, cancelled, or handed over to the work', () => {
    const now = new Date();
    expect(planCheckpoint({ request: request('offer_expired'), reminded: false, now })).toEqual({ kind: 'go', next: 'expired' });
    expect(planCheckpoint({ request: request('clarifying'), reminded: false, now })).toEqual({ kind: 'go', next: 'declined' });
    expect(planCheckpoint({ request: request('cancelled'), reminded: false, now })).toEqual({ kind: 'go', next: 'cancelled' });
    expect(planCheckpoint({ request: request('queued'), reminded: false, now })).toEqual({ kind: 'go', next: 'handed_over' });
  });

  it('never waits longer than a week, nor less than a second', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(timeoutSecondsUntil(undefined, now)).toBe(maxWaitSeconds);
    expect(timeoutSecondsUntil(new Date('2026-03-01T00:00:00Z'), now)).toBe(maxWaitSeconds);
    expect(timeoutSecondsUntil(new Date('2025-12-01T00:00:00Z'), now)).toBe(1);
    expect(timeoutSecondsUntil(new Date('2026-01-01T00:00:10.200Z'), now)).toBe(11);
    expect(maxWaitSeconds * 1000).toBeLessThan(2 ** 31 - 1);
  });
});
