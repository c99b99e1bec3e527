import * as z from 'zod';
import { compareRanked } from './ranking.js';
import type { RequestStatus } from './request.js';

/** The statuses of ready work: what the agency works through, in its clients' order. */
export const workStatuses: ReadonlySet<RequestStatus> = new Set(['queued', 'in_progress', 'changes_requested']);
export const isReadyWork = (status: RequestStatus): boolean => workStatuses.has(status);

/**
 * How organisations interleave in the agency's work queue; within an organisation its own rank
 * order always holds.
 * - `first-ready` (default): first come, first served. The next item is the head of the
 *   organisation whose head request became ready earliest; once taken, that organisation's next
 *   request is its new head. A client who ranks a request that just became ready first lines up
 *   with that request's time, as it would at any counter.
 * - `round-robin`: organisations take turns, one request each, in the order their heads became
 *   ready; a client with many ready requests can't crowd out the others.
 */
export const WorkQueuePolicy = z.enum(['first-ready', 'round-robin']);
export type WorkQueuePolicy = z.infer<typeof WorkQueuePolicy>;
export const defaultWorkQueuePolicy: WorkQueuePolicy = 'first-ready';

export interface WorkItem {
  requestId: string;
  orgId: string;
  rank: string;
  /** ISO time it became ready work. */
  readyAt: string;
}

// Equal times are decided by organisation id, so the queue is the same on every read.
const earlierHead = (a: WorkItem, b: WorkItem) => (a.readyAt !== b.readyAt ? a.readyAt < b.readyAt : a.orgId < b.orgId);

/** Each organisation's ready requests in its rank order, interleaved by the policy. */
export const interleave = <T extends WorkItem>(items: readonly T[], policy: WorkQueuePolicy): T[] => {
  const lines = new Map<string, T[]>();
  for (const item of items) lines.set(item.orgId, [...(lines.get(item.orgId) ?? []), item]);
  for (const line of lines.values()) line.sort(compareRanked);
  const heads = [...lines.values()];
  const result: T[] = [];
  if (policy === 'first-ready') {
    while (heads.length > 0) {
      let next = 0;
      heads.forEach((line, index) => {
        if (earlierHead(line[0]!, heads[next]![0]!)) next = index;
      });
      const line = heads[next]!;
      result.push(line.shift()!);
      if (line.length === 0) heads.splice(next, 1);
    }
    return result;
  }
  heads.sort((a, b) => (earlierHead(a[0]!, b[0]!) ? -1 : 1));
  for (let turn = 0; result.length < items.length; turn++) {
    for (const line of heads) if (line[turn]) result.push(line[turn]!);
  }
  return result;
};

/** A request becomes ready work when it enters a work status from outside them; moving between
 * work statuses (queued → in progress) keeps its place in line. */
const entersWork = (from: RequestStatus, to: RequestStatus): boolean => isReadyWork(to) && !isReadyWork(from);

export const readyAtAfter = (from: RequestStatus, to: RequestStatus, at: string, previous: string | undefined): string | undefined =>
  entersWork(from, to) ? at : previous;
