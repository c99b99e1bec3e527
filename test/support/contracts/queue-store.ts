import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../../lib/domain/errors.js';
import { rankAfter } from '../../../lib/domain/ranking.js';
import type { Request, RequestStatus } from '../../../lib/domain/request.js';
import type { UnitOfWork } from '../../../lib/services/ports/common.js';
import type { QueueStore, RequestStore } from '../../../lib/services/ports/requests.js';

/** The stores under test, and fresh ids no other test uses (the DynamoDB ones share a table). */
export interface QueueStoreSubject {
  requests: Pick<RequestStore, 'get' | 'create' | 'update'>;
  queues: QueueStore;
  unitOfWork: UnitOfWork;
  newOrgId(): string;
  newRequestId(): Promise<string>;
}

const at = '2026-03-02T09:00:00.000Z';

/** What ordering reads of a request. */
const rankedOf = (request: Request) => ({ requestId: request.requestId, rank: request.rank! });

/**
 * What the services rely on of a queue store, run against every implementation: the DynamoDB
 * stores (on DynamoDB Local, in the integration tests) and the memory ones the fast service tests
 * use, so that the memory ones can't drift from the real thing.
 */
export const describeQueueStore = (implementation: string, subject: () => QueueStoreSubject) =>
  describe(`a queue store (${implementation})`, () => {
    /** Files requests into a fresh organisation's queue, in this order, each after the last; returns their ids. */
    const filed = async (count: number, orgId = subject().newOrgId(), status: RequestStatus = 'submitted') => {
      const { requests, unitOfWork, newRequestId } = subject();
      const made: Request[] = [];
      let rank: string | undefined;
      for (let i = 0; i < count; i++) {
        rank = rankAfter(rank);
        const request: Request = {
          requestId: await newRequestId(),
          orgId,
          type: 'defect',
          title: `Oprava ${i}`,
          description: '',
          platform: 'azami',
          status,
          version: 1,
          createdBy: 'user-1',
          createdAt: at,
          updatedAt: at,
          rank,
          ...(status === 'queued' ? { readyAt: at } : {}),
        };
        await unitOfWork.commit([requests.create(request)]);
        made.push(request);
      }
      return { orgId, made, ids: made.map((request) => request.requestId) };
    };
    const finish = async (request: Request) => {
      const { requests, unitOfWork } = subject();
      const read = (await requests.get(request.requestId))!;
      await unitOfWork.commit([requests.update(read, { ...read, status: 'closed', version: read.version + 1 })]);
    };

    it('lists an organisation’s active requests in rank order, leaving out finished ones and other organisations’', async () => {
      const { queues } = subject();
      const { orgId, made, ids } = await filed(4);
      await filed(2);
      await finish(made[1]!);
      const active = [ids[0], ids[2], ids[3]];
      expect((await queues.clientQueue(orgId, 10)).map((request) => request.requestId)).toEqual(active);
      expect((await queues.clientQueue(orgId, 2)).map((request) => request.requestId)).toEqual(active.slice(0, 2));
      expect(await queues.queueRanks(orgId)).toEqual([made[0]!, made[2]!, made[3]!].map(rankedOf));
      expect(await queues.lastRank(orgId)).toBe(made[3]!.rank);
      expect(await queues.lastRank(subject().newOrgId())).toBeUndefined();
    });

    it('reads a queue page by page, each page numbered on from where the last ended', async () => {
      const { queues } = subject();
      const { orgId, ids } = await filed(5);
      const first = await queues.clientQueuePage(orgId, 2);
      const second = await queues.clientQueuePage(orgId, 2, first.nextCursor);
      const last = await queues.clientQueuePage(orgId, 2, second.nextCursor);
      expect([first, second, last].map((page) => [page.offset, page.items.map((request) => request.requestId)])).toEqual([
        [0, ids.slice(0, 2)],
        [2, ids.slice(2, 4)],
        [4, ids.slice(4)],
      ]);
      expect(last.nextCursor).toBeUndefined();
      expect((await queues.clientQueuePage(orgId, 5)).nextCursor).toBeUndefined();
    });

    it('reads the requests on each side of a gap, nearest first, without the moved one, and the next ones beyond', async () => {
      const { queues } = subject();
      const { orgId, made, ids } = await filed(6);
      const [a, b, c, d, e, f] = ids;
      const ranked = (id: string | undefined) => rankedOf(made.find((item) => item.requestId === id)!);
      const around = async (gap: Parameters<QueueStore['surroundings']>[1], count: number, excluding: string) => {
        const read = await queues.surroundings(orgId, gap, count, excluding);
        return { before: read.before.map((item) => item.requestId), after: read.after.map((item) => item.requestId), beyondBefore: read.beyondBefore?.requestId, beyondAfter: read.beyondAfter?.requestId };
      };
      expect(await around({ after: ranked(c) }, 1, e!)).toEqual({ before: [c], after: [d], beyondBefore: b, beyondAfter: f });
      expect(await around({ before: ranked(c) }, 2, a!)).toEqual({ before: [b], after: [c, d], beyondBefore: undefined, beyondAfter: e });
      expect(await around({ to: 'top' }, 1, a!)).toEqual({ before: [], after: [b], beyondBefore: undefined, beyondAfter: c });
      expect(await around({ to: 'bottom' }, 2, b!)).toEqual({ before: [f, e], after: [], beyondBefore: d, beyondAfter: undefined });
      // Every one of the first fitted, rank included.
      expect((await queues.surroundings(orgId, { to: 'top' }, 1, f!)).after).toEqual([ranked(a)]);
    });

    it('moves a request conditional on the rank read, and refuses a move from a rank it no longer has', async () => {
      const { queues, unitOfWork } = subject();
      const { orgId, made, ids } = await filed(3);
      const top = 'a';
      expect(top < made[0]!.rank!).toBe(true);
      await unitOfWork.commit([queues.rerank(orgId, { requestId: ids[2]!, from: made[2]!.rank!, to: top })]);
      expect((await queues.queueRanks(orgId)).map((item) => item.requestId)).toEqual([ids[2], ids[0], ids[1]]);
      const stale = unitOfWork.commit([queues.rerank(orgId, { requestId: ids[2]!, from: made[2]!.rank!, to: made[2]!.rank! })]);
      await expect(stale).rejects.toThrow(ConflictError);
      await expect(stale).rejects.toThrow(`Request ${ids[2]} was moved or finished by someone else meanwhile`);
      expect((await queues.queueRanks(orgId))[0]).toEqual({ requestId: ids[2], rank: top });
    });

    it('refuses a move of a request that left the queue or is another organisation’s, and writes none of a refused unit', async () => {
      const { queues, unitOfWork } = subject();
      const { orgId, made, ids } = await filed(3);
      await finish(made[0]!);
      const gone = unitOfWork.commit([queues.rerank(orgId, { requestId: ids[0]!, from: made[0]!.rank!, to: 'a' })]);
      await expect(gone).rejects.toThrow(ConflictError);
      const elsewhere = unitOfWork.commit([queues.rerank(subject().newOrgId(), { requestId: ids[1]!, from: made[1]!.rank!, to: 'a' })]);
      await expect(elsewhere).rejects.toThrow(ConflictError);
      // A unit with one refused write changes nothing, not even its other writes.
      const mixed = unitOfWork.commit([
        queues.rerank(orgId, { requestId: ids[2]!, from: made[2]!.rank!, to: 'a' }),
        queues.rerank(orgId, { requestId: ids[1]!, from: 'stale', to: 'a1' }),
      ]);
      await expect(mixed).rejects.toThrow(`Request ${ids[1]} was moved or finished by someone else meanwhile`);
      expect(await queues.queueRanks(orgId)).toEqual([made[1]!, made[2]!].map(rankedOf));
    });

    it('keeps a rank moved meanwhile when a request is updated from an older read, and refuses an update of a changed version', async () => {
      const { queues, requests, unitOfWork } = subject();
      const { orgId, made, ids } = await filed(2);
      const read = (await requests.get(ids[1]!))!;
      await unitOfWork.commit([queues.rerank(orgId, { requestId: ids[1]!, from: made[1]!.rank!, to: 'a' })]);
      await unitOfWork.commit([requests.update(read, { ...read, title: 'Oprava přihlášení', version: 2 })]);
      expect(await requests.get(ids[1]!)).toMatchObject({ title: 'Oprava přihlášení', version: 2, rank: 'a' });
      await expect(unitOfWork.commit([requests.update(read, { ...read, title: 'Znovu', version: 2 })])).rejects.toThrow(`Request ${ids[1]} changed while you were working on it`);
      await expect(unitOfWork.commit([requests.create({ ...read })])).rejects.toThrow(`Request number ${ids[1]} is taken`);
      expect(await requests.get(ids[1]!)).toMatchObject({ title: 'Oprava přihlášení' });
      expect(await requests.get(await subject().newRequestId())).toBeUndefined();
    });

    it('lists ready work of every organisation, and no request that is not ready', async () => {
      const { queues } = subject();
      const ready = await filed(1, subject().newOrgId(), 'queued');
      const also = await filed(1, subject().newOrgId(), 'queued');
      const waiting = await filed(1);
      const work = (await queues.workQueue()).map((request) => request.requestId);
      expect(work).toEqual(expect.arrayContaining([...ready.ids, ...also.ids]));
      expect(work).not.toContain(waiting.ids[0]);
      expect((await queues.workQueue()).find((request) => request.requestId === ready.ids[0])).toMatchObject({ readyAt: at, rank: ready.made[0]!.rank });
    });
  });
