import { describe, expect, it } from 'vitest';
import { ConflictError, ServiceBusyError } from '../../../lib/domain/errors.js';
import { webhookSignature } from '../../../lib/domain/orders/webhook-signature.js';
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
