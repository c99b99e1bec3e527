import { describe, expect, it } from 'vitest';
import { maxRankLength, rankAfter } from '../../../lib/domain/ranking.js';
import { formatRequestNumber, type Request } from '../../../lib/domain/request.js';
import type { QueueGap } from '../../../lib/services/ports/requests.js';
import { placeInQueue } from '../../../lib/services/queues/placement.js';
import { memoryRequests } from '../../support/memory/memory-requests.js';
import { memoryUnitOfWork } from '../../support/memory/memory-unit-of-work.js';

const orgId = 'org-1';
const at = '2026-03-02T09:00:00.000Z';

/**
 * A queue of requests in the memory stores (held to the DynamoDB stores' contract:
 * memory-queue-store.test.ts), and moves as the service makes them: the moved request and its
 * anchor as read, a plan from the requests around the gap, its rank writes in one unit.
 */
const queueOf = async (count: number) => {
  const { requests, queues } = memoryRequests();
  const unitOfWork = memoryUnitOfWork();
  const ids = Array.from({ length: count }, (_, i) => formatRequestNumber(2026, i + 1));
  let rank: string | undefined;
  for (const requestId of ids) {
    rank = rankAfter(rank);
    const request: Request = { requestId, orgId, type: 'defect', title: requestId, description: '', platform: 'azami', status: 'submitted', version: 1, createdBy: 'user-1', createdAt: at, updatedAt: at, rank };
    await unitOfWork.commit([requests.create(request)]);
  }
  const ranked = async (requestId: string) => {
    const { rank } = (await requests.get(requestId))!;
    return { requestId, rank: rank! };
  };
  let rebalances = 0;
  return {
    ids,
    queues,
    rebalances: () => rebalances,
    async move(requestId: string, to: { after: string } | { to: 'top' }) {
      const gap: QueueGap = 'after' in to ? { after: await ranked(to.after) } : to;
      const { plan } = await placeInQueue(queues, orgId, await ranked(requestId), gap);
      if (!plan) return;
      if (plan.changes.length > 1) rebalances++;
      await unitOfWork.commit(plan.changes.map((change) => queues.rerank(orgId, change)));
    },
    order: async () => (await queues.queueRanks(orgId)).map((item) => item.requestId),
    longestKey: async () => Math.max(...(await queues.queueRanks(orgId)).map((item) => item.rank.length)),
  };
};

describe('rank keys stay short after 1 000 moves planned from the requests around the gap', () => {
  it('when two requests take turns in the same slot after the head, through rebalancing', async () => {
    const queue = await queueOf(4);
    const [head, x, y, last] = queue.ids as [string, string, string, string];
    for (let i = 0; i < 1000; i++) {
      // Each move lands right after the head, halving the same gap: the worst case for keys.
      await queue.move(i % 2 ? x : y, { after: head });
      expect((await queue.order())[1]).toBe(i % 2 ? x : y);
    }
    expect(await queue.order()).toEqual([head, x, y, last]);
    expect(await queue.longestKey()).toBeLessThanOrEqual(maxRankLength);
    expect(queue.rebalances()).toBeGreaterThan(0);
  });

  it('when two requests take turns at the top', async () => {
    const queue = await queueOf(3);
    const [first, second, third] = queue.ids as [string, string, string];
    for (let i = 0; i < 500; i++) {
      await queue.move(third, { to: 'top' });
      await queue.move(second, { to: 'top' });
    }
    expect(await queue.order()).toEqual([second, third, first]);
    expect(await queue.longestKey()).toBeLessThanOrEqual(maxRankLength);
  });
});
