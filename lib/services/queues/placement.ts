import { ConflictError } from '../../domain/errors.js';
import { compareRanked, planInsert, planMove, type Placement, type Ranked, type RankPlan } from '../../domain/ranking.js';
import type { QueueGap, QueueStore } from '../ports/requests.js';

/** Requests read on each side of a move's gap: the neighbours first; a wider window only when their keys are too close. */
const moveWindows = [1, 49];

/** Where a move leaves a request: its neighbours, and the rank changes that put it there (none when it already sat there). */
export interface QueuePlacement {
  after?: Ranked;
  before?: Ranked;
  plan?: RankPlan;
}

/** Whether `moved` already sits between the requests next to the gap (undefined: an end of the queue). */
const sitsBetween = (moved: Ranked, previous: Ranked | undefined, next: Ranked | undefined) =>
  (previous === undefined || compareRanked(previous, moved) < 0) && (next === undefined || compareRanked(moved, next) < 0);

const placementOf = (gap: QueueGap): Placement =>
  'to' in gap ? { to: gap.to } : 'before' in gap ? { before: gap.before.requestId } : { after: gap.after.requestId };

/**
 * Plans a move of `moved` (as read) into `gap` of its organisation's queue, reading only the
 * requests next to the gap (a wider window when their keys are too close, the whole queue as a
 * last resort). The plan's changes are conditional on the ranks read once written (`rerank`).
 */
export const placeInQueue = async (queues: QueueStore, orgId: string, moved: Ranked, gap: QueueGap): Promise<QueuePlacement> => {
  for (const count of moveWindows) {
    const around = await queues.surroundings(orgId, gap, count, moved.requestId);
    const [after, before] = [around.before[0], around.after[0]];
    if (sitsBetween(moved, after, before)) return { after, before };
    const segment = [...around.before].reverse().concat(around.after);
    const plan = planInsert(segment, around.before.length, moved, { lo: around.beyondBefore?.rank ?? null, hi: around.beyondAfter?.rank ?? null });
    if (plan) return { after, before, plan };
  }
  // Keys so close that even a wide window can't take new ones: re-key across the whole queue.
  const queue = await queues.queueRanks(orgId);
  const placement = placementOf(gap);
  const anchorId = 'to' in placement ? undefined : 'before' in placement ? placement.before : placement.after;
  const ids = new Set(queue.map((item) => item.requestId));
  if (!ids.has(moved.requestId) || (anchorId !== undefined && !ids.has(anchorId))) {
    throw new ConflictError('The queue changed while you were moving the request', 'Reload the queue, then move again');
  }
  const plan = planMove(queue, moved.requestId, placement);
  const at = plan.order.findIndex((item) => item.requestId === moved.requestId);
  return { after: plan.order[at - 1], before: plan.order[at + 1], ...(plan.changes.length > 0 ? { plan } : {}) };
};
