import { placesOf } from '../../../lib/domain/request-changes.js';
import { compareRanked, type Ranked } from '../../../lib/domain/ranking.js';
import { checkNextVersion, type Request } from '../../../lib/domain/request.js';
import type { QueuedRequest, QueueStore, ReadyRequest, RequestStore } from '../../../lib/services/ports/requests.js';
import { writeConflicts } from '../../../lib/services/ports/write-conflicts.js';
import { MemoryWrite } from './memory-unit-of-work.js';

/** What the memory requests hold of the request store: the reads and writes of one request. */
export type MemoryRequestStore = Pick<RequestStore, 'get' | 'create' | 'update'>;

const copy = <T>(value: T): T => structuredClone(value);

/** Positions travel with the cursor, as in the DynamoDB store; opaque to callers. */
interface QueueCursor extends Ranked {
  position: number;
}
const encodeCursor = (at: QueueCursor) => Buffer.from(JSON.stringify(at)).toString('base64url');
const decodeCursor = (cursor: string): QueueCursor => JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as QueueCursor;

/**
 * Requests and their queues in memory, for fast service tests: the same contract as the DynamoDB
 * request and queue stores (test/support/contracts/queue-store.ts runs against both), the lists a
 * request is in decided by the same domain function (`placesOf`) as the DynamoDB item's index keys.
 */
export const memoryRequests = (): { requests: MemoryRequestStore; queues: QueueStore } => {
  const stored = new Map<string, Request>();

  const queueOf = (orgId: string): QueuedRequest[] =>
    [...stored.values()]
      .filter((request) => request.orgId === orgId && placesOf(request).clientQueue !== undefined)
      .map((request) => copy({ ...request, rank: request.rank! }))
      .sort(compareRanked);
  const ranksOf = (queue: readonly QueuedRequest[]): Ranked[] => queue.map(({ requestId, rank }) => ({ requestId, rank }));

  /** One side of a gap, as the DynamoDB store queries it: `count + 2` read, then the excluded one left out. */
  const side = (ordered: readonly Ranked[], count: number, excluding: string) => {
    const ranked = ordered.slice(0, count + 2).filter((item) => item.requestId !== excluding);
    return { near: ranked.slice(0, count), beyond: ranked[count] };
  };

  const requests: MemoryRequestStore = {
    get: async (requestId) => {
      const request = stored.get(requestId);
      return request && copy(request);
    },
    create: (request) =>
      new MemoryWrite(
        `request ${request.requestId}`,
        () => !stored.has(request.requestId),
        () => stored.set(request.requestId, copy(request)),
        () => writeConflicts.requestNumberTaken(request.requestId),
      ),
    update(before, after) {
      checkNextVersion(before, after);
      return new MemoryWrite(
        `request ${before.requestId}`,
        () => stored.get(before.requestId)?.version === before.version,
        () => {
          // Only what the change changed, as the DynamoDB update: a rank moved meanwhile stays.
          const current: Record<string, unknown> = { ...stored.get(before.requestId) };
          const [was, next] = [before as Record<string, unknown>, after as Record<string, unknown>];
          for (const name of new Set([...Object.keys(was), ...Object.keys(next)])) {
            if (JSON.stringify(was[name]) === JSON.stringify(next[name])) continue;
            if (next[name] === undefined) delete current[name];
            else current[name] = copy(next[name]);
          }
          stored.set(before.requestId, current as Request);
        },
        () => writeConflicts.requestChanged(before.requestId),
      );
    },
  };

  const queues: QueueStore = {
    async clientQueuePage(orgId, limit, cursor) {
      const at = cursor === undefined ? undefined : decodeCursor(cursor);
      const offset = at?.position ?? 0;
      const rest = queueOf(orgId).filter((request) => !at || compareRanked(request, at) > 0);
      const items = rest.slice(0, limit);
      const last = items.at(-1);
      return rest.length > limit && last ? { items, nextCursor: encodeCursor({ rank: last.rank, requestId: last.requestId, position: offset + limit }), offset } : { items, offset };
    },
    clientQueue: async (orgId, max) => queueOf(orgId).slice(0, max),
    queueRanks: async (orgId) => ranksOf(queueOf(orgId)),
    async surroundings(orgId, gap, count, excluding) {
      const queue = ranksOf(queueOf(orgId));
      const descending = (items: Ranked[]) => items.reverse();
      const [before, after] =
        'to' in gap
          ? gap.to === 'top'
            ? [{ near: [], beyond: undefined }, side(queue, count, excluding)]
            : [side(descending([...queue]), count, excluding), { near: [], beyond: undefined }]
          : 'before' in gap
            ? [side(descending(queue.filter((item) => compareRanked(item, gap.before) < 0)), count, excluding), side(queue.filter((item) => compareRanked(item, gap.before) >= 0), count, excluding)]
            : [side(descending(queue.filter((item) => compareRanked(item, gap.after) <= 0)), count, excluding), side(queue.filter((item) => compareRanked(item, gap.after) > 0), count, excluding)];
      return { before: before.near, after: after.near, beyondBefore: before.beyond, beyondAfter: after.beyond };
    },
    lastRank: async (orgId) => queueOf(orgId).at(-1)?.rank,
    workQueue: async () =>
      [...stored.values()]
        .filter((request): request is ReadyRequest => placesOf(request).readyWork !== undefined && request.rank !== undefined)
        .map(copy),
    rerank: (orgId, change) =>
      new MemoryWrite(
        `rank of ${change.requestId}`,
        () => {
          const request = stored.get(change.requestId);
          return request !== undefined && request.orgId === orgId && placesOf(request).clientQueue === change.from;
        },
        () => {
          const request = stored.get(change.requestId)!;
          stored.set(change.requestId, { ...request, rank: change.to });
        },
        () => writeConflicts.rankChanged(change.requestId),
      ),
  };

  return { requests, queues };
};
