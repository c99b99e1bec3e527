import { describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, NotFoundError } from '../../../lib/domain/errors.js';
import type { Payment, PaymentResolution } from '../../../lib/domain/orders/payment.js';
import type { TimelineEntry } from '../../../lib/domain/timeline-entry.js';
import type { User } from '../../../lib/domain/user.js';
import { listFlaggedPayments, resolveFlaggedPayment, toFlaggedPaymentView } from '../../../lib/services/offers-orders/flagged-payments.js';
import { recordingMetrics } from '../../support/metrics.js';

/** Resolving flagged payments on fakes: what is written together, and what a lost race answers. */

const now = new Date('2026-12-08T09:00:00.000Z');
const eva = { userId: 'u-eva', name: 'Eva Agentová', role: 'agent', email: 'eva@agency.example', status: 'active' } as unknown as User;
const jana = { userId: 'u-jana', name: 'Jana Nováková', role: 'client_admin', orgId: 'org-acme', email: 'jana@acme.example', status: 'active' } as unknown as User;

const wrongAmount: Payment = {
  paymentId: 'bank-7',
  requestId: '2026-0042',
  amount: 1200,
  currency: 'CZK',
  paidAt: '2026-12-07T10:00:00.000Z',
  reference: 'Faktura 42',
  variableSymbol: '2026000042',
  source: 'webhook',
  recordedBy: 'payment-webhook',
  recordedAt: '2026-12-07T10:00:01.000Z',
  matched: false,
  problem: 'amount',
  orderNumber: 'OBJ-2026-0042',
  expected: { amount: 1210, currency: 'CZK' },
};
const unknownOrder: Payment = {
  paymentId: 'bank-8',
  amount: 5000,
  currency: 'CZK',
  paidAt: '2026-12-07T11:00:00.000Z',
  reference: 'Acme objednavka 2026-42',
  variableSymbol: '9999999999',
  source: 'webhook',
  recordedBy: 'payment-webhook',
  recordedAt: '2026-12-07T11:00:01.000Z',
  matched: false,
  problem: 'unknown_order',
};

/** Deps with one stored payment; `winner` is someone else's resolution committed between our read and our write. */
const world = (stored: Payment | undefined, winner?: PaymentResolution) => {
  const commits: unknown[][] = [];
  const entries: TimelineEntry[] = [];
  let current = stored;
  const { metrics, counts } = recordingMetrics();
  const deps = {
    users: { getUser: async (userId: string) => [eva, jana].find((user) => user.userId === userId) },
    payments: {
      find: async () => current,
      listFlagged: async () => ({ items: [wrongAmount, unknownOrder], nextCursor: 'next' }),
      resolve: (payment: Payment, resolution: PaymentResolution) => ({ label: `resolution of ${payment.paymentId}`, resolution }),
    },
    timeline: { append: (entry: TimelineEntry) => (entries.push(entry), { label: 'entry' }) },
    unitOfWork: {
      commit: async (writes: unknown[]) => {
        if (winner && current) {
          current = { ...current, resolution: winner };
          throw new ConflictError('Payment was resolved by someone else meanwhile', 'Nothing to do');
        }
        commits.push(writes);
      },
    },
    now: () => now,
    newId: () => 'entry-1',
    correlationId: () => 'call-1',
    metrics,
  };
  return { deps: deps as never as Parameters<typeof resolveFlaggedPayment>[0], commits, entries, counts };
};

describe('the flagged list', () => {
  it('shows each payment with its order when known, why it was flagged and what to do next', async () => {
    const { deps } = world(undefined);
    const page = await listFlaggedPayments(deps, { userId: 'u-eva' }, 25);
    expect(page.nextCursor).toBe('next');
    expect(page.items[0]).toEqual({
      paymentId: 'bank-7',
      amount: 1200,
      currency: 'CZK',
      paidAt: '2026-12-07T10:00:00.000Z',
      reference: 'Faktura 42',
      variableSymbol: '2026000042',
      source: 'webhook',
      flaggedAt: '2026-12-07T10:00:01.000Z',
      recordedBy: 'payment-webhook',
      requestId: '2026-0042',
      orderNumber: 'OBJ-2026-0042',
      expected: { amount: 1210, currency: 'CZK' },
      problem: 'amount',
      next: expect.stringMatching(/pay the difference/),
    });
    expect(page.items[1]).not.toHaveProperty('requestId');
    expect(page.items[1]).toMatchObject({ problem: 'unknown_order', reference: 'Acme objednavka 2026-42', next: expect.stringMatching(/find the order by the reference/) });
  });

  it('is the agency’s: a client is refused', async () => {
    const { deps } = world(undefined);
    await expect(listFlaggedPayments(deps, { userId: 'u-jana' }, 25)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('shows a payment flagged before reasons were stored as not awaiting payment', () => {
    const { problem: _problem, ...old } = wrongAmount;
    expect(toFlaggedPaymentView(old).problem).toBe('not_awaiting');
  });
});

describe('resolving a flagged payment', () => {
  it('keeps who, when and the note on it, and records it on its request’s timeline for the agency only, in one commit', async () => {
    const { deps, commits, entries, counts } = world(wrongAmount);
    const view = await resolveFlaggedPayment(deps, { userId: 'u-eva' }, 'bank-7', 'The client paid the difference (bank-9).');
    const resolution = { by: 'u-eva', byName: 'Eva Agentová', at: now.toISOString(), note: 'The client paid the difference (bank-9).' };
    expect(view).toMatchObject({ paymentId: 'bank-7', resolution, next: 'Nothing to do: Eva Agentová resolved it.' });
    expect(commits).toEqual([[{ label: 'resolution of bank-7', resolution }, { label: 'entry' }]]);
    expect(entries).toEqual([
      expect.objectContaining({
        requestId: '2026-0042',
        kind: 'payment_resolved',
        visibility: 'agency',
        body: 'The client paid the difference (bank-9).',
        actorId: 'u-eva',
        details: { paymentId: 'bank-7', received: '1200', receivedCurrency: 'CZK', reason: 'amount', source: 'webhook' },
        correlationId: 'call-1',
      }),
    ]);
    expect(counts()).toEqual({ PaymentsResolved: 1 });
  });

  it('writes no timeline entry for a payment that matched no order: it has no request', async () => {
    const { deps, commits, entries } = world(unknownOrder);
    await resolveFlaggedPayment(deps, { userId: 'u-eva' }, 'bank-8', 'Recorded on 2026-0042 as agent-…');
    expect(entries).toEqual([]);
    expect(commits).toHaveLength(1);
    expect(commits[0]).toHaveLength(1);
  });

  it('answers 404 for an id no payment has, and 409 for one that paid its order', async () => {
    await expect(resolveFlaggedPayment(world(undefined).deps, { userId: 'u-eva' }, 'nope', 'x')).rejects.toBeInstanceOf(NotFoundError);
    await expect(resolveFlaggedPayment(world({ ...wrongAmount, matched: true }).deps, { userId: 'u-eva' }, 'bank-7', 'x')).rejects.toMatchObject({
      name: 'ConflictError',
      message: 'Payment bank-7 paid its order: it was not flagged',
    });
  });

  it('refuses a client (403) before reading the payment', async () => {
    await expect(resolveFlaggedPayment(world(wrongAmount).deps, { userId: 'u-jana' }, 'bank-7', 'x')).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('answers the loser of two resolutions at once with a 409 naming who won', async () => {
    const winner = { by: 'u-tomas', byName: 'Tomáš Správce', at: '2026-12-08T08:59:59.000Z', note: 'Refunded.' };
    const { deps, commits, counts } = world(wrongAmount, winner);
    const answer = resolveFlaggedPayment(deps, { userId: 'u-eva' }, 'bank-7', 'The client paid the difference.');
    await expect(answer).rejects.toBeInstanceOf(ConflictError);
    await expect(answer).rejects.toMatchObject({ message: 'Payment bank-7 was resolved already, by Tomáš Správce at 2026-12-08T08:59:59.000Z' });
    expect(commits).toEqual([]);
    expect(counts()).toEqual({});
  });
});
