import { describe, expect, it } from 'vitest';
import { ConflictError, ServiceBusyError } from '../../../lib/domain/errors.js';
import { webhookSignature } from '../../../lib/domain/orders/webhook-signature.js';
import type { Payment } from '../../../lib/domain/orders/payment.js';
import type { Request } from '../../../lib/domain/request.js';
import { receivePaymentWebhook } from '../../../lib/services/offers-orders/payments.js';
import { recordingMetrics } from '../../support/metrics.js';
import type { WorkflowDeps } from '../../../lib/services/ports/deps.js';

/**
 * The webhook's answer when another change of the order commits first, against stores that lose
 * every race on purpose: what a bank must never see is a 4xx for a valid delivery.
 */

const now = new Date('2026-12-07T10:00:00.000Z');
const secret = 'webhook-secret';
const request: Request = {
  requestId: '2026-0042',
  orgId: 'org-1',
  type: 'inquiry',
  title: 'E-shop',
  description: '',
  platform: 'azami',
  status: 'awaiting_payment',
  version: 4,
  createdBy: 'u-1',
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-06T10:00:00.000Z',
};
const order = { requestId: '2026-0042', orderNumber: 'OBJ-2026-0042', currency: 'CZK', totals: { lineNets: [1000], net: 1000, vat: [{ rate: 21, base: 1000, vat: 210 }], gross: 1210 } };

const delivery = (paymentId: string) => {
  const rawBody = Buffer.from(JSON.stringify({ paymentId, variableSymbol: '2026000042', amount: 1210, currency: 'CZK', paidAt: now.toISOString() }));
  const timestamp = String(now.getTime() / 1000);
  return { rawBody, timestamp, signature: webhookSignature(secret, timestamp, rawBody) };
};

/** Deps whose request reads answer `statuses` in turn and whose commits fail `conflicts` times first. */
const racingDeps = (statuses: Request['status'][], conflicts: number) => {
  const commits: unknown[][] = [];
  let reads = 0;
  const deps = {
    now: () => now,
    newId: () => `id-${commits.length}`,
    correlationId: () => undefined,
    metrics: recordingMetrics().metrics,
    requests: {
      get: async () => ({ ...request, status: statuses[Math.min(reads++, statuses.length - 1)]!, version: 4 + reads }),
      update: (_before: Request, after: Request) => ({ write: 'request', after }),
    },
    orders: { get: async () => order, markPaid: () => ({ write: 'order' }) },
    payments: { find: async () => undefined, record: () => [{ write: 'payment' }] },
    timeline: { append: () => ({ write: 'entry' }) },
    workflows: { get: async () => undefined },
    engine: {},
    unitOfWork: {
      commit: async (writes: unknown[]) => {
        commits.push(writes);
        if (commits.length <= conflicts) throw new ConflictError('Request 2026-0042 changed meanwhile', 'Decide again on the current request');
      },
    },
  };
  // Only what a payment touches is given: a use of anything else fails the test loudly.
  return { deps: deps as unknown as WorkflowDeps, commits };
};

describe('a payment delivery that loses a race', () => {
  it('is applied again on the request as it now stands: the order was paid meanwhile, so it is flagged, not refused', async () => {
    const { deps, commits } = racingDeps(['awaiting_payment', 'queued'], 1);
    const result = await receivePaymentWebhook(deps, secret, delivery('bank-2'));
    expect(result).toMatchObject({ outcome: 'flagged', requestId: '2026-0042', payment: { matched: false, problem: 'not_awaiting' } });
    expect(commits).toHaveLength(2);
  });

  it('answers busy (503, Retry-After) with nothing recorded when other changes keep coming first', async () => {
    const { deps, commits } = racingDeps(['awaiting_payment'], Infinity);
    const answer = receivePaymentWebhook(deps, secret, delivery('bank-3'));
    await expect(answer).rejects.toBeInstanceOf(ServiceBusyError);
    await expect(answer).rejects.toMatchObject({ retryAfterSeconds: 1 });
    expect(commits).toHaveLength(6);
  });
});

/** Deps with no request and no order behind any variable symbol, and a payment store that keeps what is recorded. */
const unknownOrderDeps = () => {
  const recorded: Payment[] = [];
  const commits: unknown[][] = [];
  const { metrics, counts } = recordingMetrics();
  const deps = {
    now: () => now,
    newId: () => 'id-1',
    correlationId: () => undefined,
    metrics,
    requests: { get: async () => undefined },
    orders: { get: async () => undefined },
    payments: {
      find: async (paymentId: string) => recorded.find((payment) => payment.paymentId === paymentId),
      record: (payment: Payment) => (recorded.push(payment), [{ write: `payment ${payment.paymentId}` }]),
    },
    unitOfWork: { commit: async (writes: unknown[]) => void commits.push(writes) },
  };
  return { deps: deps as unknown as WorkflowDeps, recorded, commits, counts };
};

const deliveryOf = (payment: Record<string, unknown>) => {
  const rawBody = Buffer.from(JSON.stringify(payment));
  const timestamp = String(now.getTime() / 1000);
  return { rawBody, timestamp, signature: webhookSignature(secret, timestamp, rawBody) };
};

describe('a bank payment whose variable symbol matches no order', () => {
  it.each([
    ['is none of ours', '1234'],
    ['names a request with no order', '2026000042'],
  ])('is answered unknown_order as before, and recorded and flagged, so nothing the bank sent is lost (its symbol %s)', async (_case, variableSymbol) => {
    const { deps, recorded, counts } = unknownOrderDeps();
    const payment = { paymentId: 'bank-9', variableSymbol, amount: 5000, currency: 'CZK', paidAt: '2026-12-07T11:00:00+01:00', reference: 'Acme 2026-42' };
    expect(await receivePaymentWebhook(deps, secret, deliveryOf(payment))).toEqual({ outcome: 'unknown_order' });
    expect(recorded).toEqual([
      {
        paymentId: 'bank-9',
        variableSymbol,
        amount: 5000,
        currency: 'CZK',
        paidAt: '2026-12-07T10:00:00.000Z',
        reference: 'Acme 2026-42',
        source: 'webhook',
        recordedBy: 'payment-webhook',
        recordedAt: now.toISOString(),
        matched: false,
        problem: 'unknown_order',
      },
    ]);
    expect(counts()).toEqual({ PaymentsFlagged: 1 });
  });

  it('delivered again, is answered unknown_order again and recorded once', async () => {
    const { deps, recorded } = unknownOrderDeps();
    const delivery = deliveryOf({ paymentId: 'bank-10', variableSymbol: '1234', amount: 5000, currency: 'CZK', paidAt: now.toISOString() });
    await receivePaymentWebhook(deps, secret, delivery);
    expect(await receivePaymentWebhook(deps, secret, delivery)).toEqual({ outcome: 'unknown_order' });
    expect(recorded).toHaveLength(1);
  });
});
