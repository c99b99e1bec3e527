import { describe, expect, it } from 'vitest';
import { makeOffer } from '../../../lib/domain/orders/offer.js';
import { offerReminderAt, offerReminderName, paymentReminderAt, paymentReminderName, planCheckpoint, timeoutSecondsUntil } from '../../../lib/domain/workflow-plan.js';
import type { Order } from '../../../lib/domain/orders/order.js';
import type { Request } from '../../../lib/domain/request.js';
import { defaultReviewReminderDays } from '../../../lib/domain/review/review-window.js';
import { maxWaitSeconds } from '../../../lib/workflow/states.js';

const request = (status: Request['status']): Request => ({
  requestId: '2026-0042', orgId: 'o', type: 'inquiry', title: 't', description: 'd', platform: 'azami', status, version: 3, createdBy: 'u', createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z',
});
const offer = makeOffer({
  terms: { lines: [{ description: 'x', quantity: 1, unit: 'h', unitPrice: 100, vatRate: 21 }], currency: 'CZK', validUntil: '2026-12-25T12:00:00.000Z', deliveryEstimate: 'd', terms: '' },
  offerId: '2026-0042/1', requestId: '2026-0042', number: 1, createdAt: '2026-11-25T12:00:00.000Z', createdBy: 'u', createdByName: 'E',
});
const order = { orderNumber: 'OBJ-2026-0042', dueDate: '2026-12-09', document: { key: 'k', sha256: 's', size: 1, fileName: 'f' } } as Order;

const none: ReadonlySet<string> = new Set();
/** Every reminder of the test's offer and order already sent. */
const sent: ReadonlySet<string> = new Set([offerReminderName(offer), paymentReminderName({ orderNumber: 'OBJ-2026-0042' })]);
const reviewReminderDays = defaultReviewReminderDays;

describe('the checkpoint’s plan', () => {
  it('waits for the decision until the reminder, 3 days before the end', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    const plan = planCheckpoint({ request: request('quoted'), offer, reminded: none, reviewReminderDays, now });
    expect(plan).toEqual({ kind: 'go', next: 'await_offer_decision', wakeAt: new Date('2026-12-22T12:00:00.000Z') });
    expect(offerReminderAt({ createdAt: '2026-11-25T12:00:00.000Z', validUntil: '2026-11-27T12:00:00.000Z' })).toEqual(new Date('2026-11-26T12:00:00.000Z'));
  });

  it('reminds once, then waits for the end, then expires the offer', () => {
    const late = new Date('2026-12-23T00:00:00Z');
    expect(planCheckpoint({ request: request('quoted'), offer, reminded: none, reviewReminderDays, now: late })).toMatchObject({ kind: 'act', due: { kind: 'offer_reminder' } });
    expect(planCheckpoint({ request: request('quoted'), offer, reminded: sent, reviewReminderDays, now: late })).toMatchObject({ kind: 'go', wakeAt: new Date(offer.validUntil) });
    expect(planCheckpoint({ request: request('quoted'), offer, reminded: sent, reviewReminderDays, now: new Date(offer.validUntil) })).toMatchObject({ kind: 'act', due: { kind: 'expire_offer' } });
  });

  it('makes the order’s document first, then waits for payment with a reminder on the due date at 9:00 Prague', () => {
    expect(planCheckpoint({ request: request('awaiting_payment'), order: { ...order, document: undefined }, reminded: none, reviewReminderDays, now: new Date() })).toEqual({ kind: 'go', next: 'generate_order' });
    expect(paymentReminderAt(order).toISOString()).toBe('2026-12-09T08:00:00.000Z');
    expect(planCheckpoint({ request: request('awaiting_payment'), order, reminded: none, reviewReminderDays, now: new Date('2026-12-09T08:00:00Z') })).toMatchObject({ kind: 'act', due: { kind: 'payment_reminder' } });
    expect(planCheckpoint({ request: request('awaiting_payment'), order, reminded: sent, reviewReminderDays, now: new Date('2026-12-10T08:00:00Z') })).toEqual({ kind: 'go', next: 'await_payment', wakeAt: undefined });
  });

  it('ends when the request needs no workflow: expired, back to clarifying, cancelled, or completed', () => {
    const now = new Date();
    const plan = (status: Request['status']) => planCheckpoint({ request: request(status), reminded: none, reviewReminderDays, now });
    expect(plan('offer_expired')).toEqual({ kind: 'go', next: 'expired' });
    expect(plan('clarifying')).toEqual({ kind: 'go', next: 'clarifying' });
    expect(plan('cancelled')).toEqual({ kind: 'go', next: 'cancelled' });
    expect(plan('accepted')).toEqual({ kind: 'go', next: 'completed' });
    expect(plan('closed')).toEqual({ kind: 'go', next: 'completed' });
  });

  it('waits for the handover as long as the work takes: queued, in progress, or changes requested', () => {
    for (const status of ['queued', 'in_progress', 'changes_requested'] as const) {
      expect(planCheckpoint({ request: request(status), reminded: none, reviewReminderDays, now: new Date() })).toEqual({ kind: 'go', next: 'await_handover' });
    }
  });

  describe('a review round', () => {
    // Handed over on Wednesday 2 December 2026: the window ends on Wednesday 9 December, 23:59:59 Prague (22:59:59Z).
    const inReview = { ...request('in_review'), round: 2, reviewDeadline: '2026-12-09T22:59:59.000Z' };
    const plan = (now: string, reminded: ReadonlySet<string> = none, days = reviewReminderDays) => planCheckpoint({ request: inReview, reminded, reviewReminderDays: days, now: new Date(now) });

    it('waits until the first reminder, 2 days before the last day at 9:00 Prague', () => {
      expect(plan('2026-12-02T15:00:00Z')).toEqual({ kind: 'go', next: 'await_review', wakeAt: new Date('2026-12-07T08:00:00.000Z') });
    });

    it('reminds 2 days before, then on the last day, each once, and waits for the deadline after the last', () => {
      expect(plan('2026-12-07T08:00:00Z')).toEqual({ kind: 'act', due: { kind: 'review_reminder', reminder: 'review-2-d2', round: 2, deadline: inReview.reviewDeadline } });
      expect(plan('2026-12-07T08:00:00Z', new Set(['review-2-d2']))).toEqual({ kind: 'go', next: 'await_review', wakeAt: new Date('2026-12-09T08:00:00.000Z') });
      expect(plan('2026-12-09T08:00:01Z', new Set(['review-2-d2']))).toMatchObject({ kind: 'act', due: { kind: 'review_reminder', reminder: 'review-2-d0' } });
      expect(plan('2026-12-09T08:00:01Z', new Set(['review-2-d2', 'review-2-d0']))).toEqual({ kind: 'go', next: 'await_review', wakeAt: new Date(inReview.reviewDeadline) });
    });

    it('sends only the latest reminder due when the workflow missed an earlier one, not both at once', () => {
      expect(plan('2026-12-09T10:00:00Z')).toMatchObject({ kind: 'act', due: { reminder: 'review-2-d0' } });
      expect(plan('2026-12-09T10:00:00Z', new Set(['review-2-d0']))).toEqual({ kind: 'go', next: 'await_review', wakeAt: new Date(inReview.reviewDeadline) });
    });

    it('deems the delivery accepted at the deadline, reminded or not', () => {
      expect(plan(inReview.reviewDeadline)).toEqual({ kind: 'act', due: { kind: 'deem_accepted', round: 2 } });
      expect(plan('2026-12-20T00:00:00Z', new Set(['review-2-d2', 'review-2-d0']))).toEqual({ kind: 'act', due: { kind: 'deem_accepted', round: 2 } });
    });

    it('follows the configured reminder days, and with none only waits for the deadline', () => {
      expect(plan('2026-12-02T15:00:00Z', none, [5, 1])).toEqual({ kind: 'go', next: 'await_review', wakeAt: new Date('2026-12-04T08:00:00.000Z') });
      expect(plan('2026-12-02T15:00:00Z', none, [])).toEqual({ kind: 'go', next: 'await_review', wakeAt: new Date(inReview.reviewDeadline) });
    });
  });

  it('closes an answered request when its window to reopen ends, and waits for that until then', () => {
    const answered = { ...request('answered'), reopenUntil: '2026-12-09T22:59:59.000Z' };
    expect(planCheckpoint({ request: answered, reminded: none, reviewReminderDays, now: new Date('2026-12-03T00:00:00Z') })).toEqual({
      kind: 'go',
      next: 'await_reopen',
      wakeAt: new Date(answered.reopenUntil),
    });
    expect(planCheckpoint({ request: answered, reminded: none, reviewReminderDays, now: new Date(answered.reopenUntil) })).toEqual({ kind: 'act', due: { kind: 'close_answered' } });
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
