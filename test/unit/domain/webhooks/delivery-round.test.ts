import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../../../lib/domain/errors.js';
import type { DeliveryAttempt, WebhookDelivery } from '../../../../lib/domain/webhooks/delivery.js';
import { afterAttempt, claimed, isDue, newDelivery, resent, subscriptionAfter } from '../../../../lib/domain/webhooks/delivery-round.js';
import type { WebhookSubscription } from '../../../../lib/domain/webhooks/subscription.js';

const t0 = new Date('2026-03-02T08:00:00.000Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const fresh = () => newDelivery({ subscriptionId: 'sub-1', messageId: 'msg_e1', eventType: 'message.posted', requestId: '2026-0042', orgId: 'org-acme', payload: '{}' }, t0);
const failure = (when: Date): DeliveryAttempt => ({ at: when.toISOString(), ms: 12, status: 500 });

/** Tries a delivery at each due time until it is no longer pending; answers the times it was tried. */
const tryUntilDone = (start: WebhookDelivery) => {
  const tries: number[] = [];
  let delivery = start;
  while (delivery.state === 'pending') {
    const when = new Date(delivery.nextAttemptAt!);
    tries.push((when.getTime() - t0.getTime()) / 1000);
    delivery = afterAttempt(claimed(delivery, when), failure(when), when);
  }
  return { tries, delivery };
};

describe('a delivery’s round of tries', () => {
  it('is due at once when made, and not while a sender holds it', () => {
    const delivery = fresh();
    expect(delivery).toMatchObject({ deliveryId: 'sub-1.msg_e1', state: 'pending', attempts: [], nextAttemptAt: t0.toISOString(), version: 1 });
    expect(isDue(delivery, t0)).toBe(true);
    const held = claimed(delivery, t0);
    expect(held.version).toBe(2);
    expect(isDue(held, at(59))).toBe(false);
    expect(isDue(held, at(60))).toBe(true);
  });

  it('retries a failing receiver after 5 s, 5 min, 30 min, 2 h, 5 h and 10 h, once more when its 24 hours are up, then parks it', () => {
    const { tries, delivery } = tryUntilDone(fresh());
    expect(tries).toEqual([0, 5, 305, 2105, 9305, 27305, 63305, 86_400]);
    expect(delivery).toMatchObject({ state: 'parked', parkedReason: 'retries_exhausted' });
    expect(delivery).not.toHaveProperty('nextAttemptAt');
    expect(delivery.attempts).toHaveLength(8);
  });

  it('is delivered by any 2xx, and a redirect is a failure', () => {
    const held = claimed(fresh(), t0);
    const delivered = afterAttempt(held, { at: t0.toISOString(), ms: 3, status: 202 }, t0);
    expect(delivered.state).toBe('delivered');
    expect(delivered).not.toHaveProperty('nextAttemptAt');
    expect(afterAttempt(held, { at: t0.toISOString(), ms: 3, status: 301, error: 'redirect' }, t0)).toMatchObject({ state: 'pending', nextAttemptAt: at(5).toISOString() });
  });

  it('starts a new 24-hour round when sent again, and refuses while it is still being tried', () => {
    const { delivery: parked } = tryUntilDone(fresh());
    const later = at(3 * 86_400);
    const again = resent(parked, later);
    expect(again).toMatchObject({ state: 'pending', nextAttemptAt: later.toISOString(), roundStartedAt: later.toISOString() });
    expect(again).not.toHaveProperty('parkedReason');
    // The new round has the whole schedule again, though the old tries are kept.
    expect(tryUntilDone(again).tries.map((seconds) => seconds - 3 * 86_400)).toEqual([0, 5, 305, 2105, 9305, 27305, 63305, 86_400]);
    expect(() => resent(again, later)).toThrow(ConflictError);
    expect(() => resent(again, later)).toThrow(/still being tried; its next try is at/);
  });
});

const subscription = (change: Partial<WebhookSubscription> = {}): WebhookSubscription => ({
  subscriptionId: 'sub-1',
  url: 'https://hooks.azami.example/orderdesk',
  eventTypes: ['request.status_changed'],
  state: 'active',
  secrets: [{ sealed: 'sealed', createdAt: t0.toISOString() }],
  createdBy: 'admin-1',
  createdAt: t0.toISOString(),
  updatedAt: t0.toISOString(),
  version: 3,
  ...change,
});

describe('a subscription after its deliveries’ tries', () => {
  it('starts a failing streak at the first failure and disables the subscription when it has lasted 5 days', () => {
    const first = subscriptionAfter(subscription(), false, t0);
    expect(first).toMatchObject({ disabled: false, next: { failingSince: t0.toISOString(), state: 'active', version: 4 } });
    expect(subscriptionAfter(first.next!, false, at(4 * 86_400))).toEqual({ disabled: false });
    expect(subscriptionAfter(first.next!, false, at(5 * 86_400))).toMatchObject({ disabled: true, next: { state: 'disabled', disabledReason: 'failing', version: 5 } });
  });

  it('ends the streak at a success', () => {
    const failing = subscription({ failingSince: t0.toISOString() });
    const { next } = subscriptionAfter(failing, true, at(100));
    expect(next).toMatchObject({ lastSuccessAt: at(100).toISOString(), version: 4 });
    expect(next).not.toHaveProperty('failingSince');
    // Successes in a row are written at most once a minute.
    expect(subscriptionAfter(next!, true, at(130))).toEqual({ disabled: false });
  });
});
