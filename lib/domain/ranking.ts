import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

/** A queue member: the request and its rank key. */
export interface Ranked {
  requestId: string;
  rank: string;
}

/** Where to put a request: before/after another one of the queue, or at an end. */
export type Placement = { before: string } | { after: string } | { to: 'top' | 'bottom' };

/** One re-keyed request: the rank it had when read (writes are conditional on it) and its new rank. */
export interface RankChange {
  requestId: string;
  from: string;
  to: string;
}

/** A request the caller moved (not merely re-keyed by a rebalance), with 1-based positions when the whole queue was planned. */
export interface Move {
  requestId: string;
  fromPosition?: number;
  toPosition?: number;
}

/**
 * The ranks just outside a segment of the queue (null at an end of the queue). A plan for a
 * segment stays strictly between them, so a move needs to read only the requests around its gap.
 */
export interface Bounds {
  lo: string | null;
  hi: string | null;
}

const wholeQueue: Bounds = { lo: null, hi: null };

export interface RankPlan {
  /** Every item whose rank must be written; empty when nothing changes. */
  changes: RankChange[];
  /** The items the caller moved (each gets an activity item); empty for a no-op. */
  moves: Move[];
  /** The whole queue after the plan, in order, with the new ranks. */
  order: Ranked[];
}

/**
 * Keys longer than this trigger a rebalance of a window around the gap. Fresh keys are 2–3
 * characters ('a0', 'Zz', 'b00'), and inserting into the same gap again and again adds about one
 * character per six inserts, so 10 leaves room for some 40 such inserts before a rebalance: rare
 * enough to keep moves at one write, short enough to keep keys cheap to store and read.
 */
export const maxRankLength = 10;

/** Most re-keyed items in one plan: a DynamoDB transaction holds 100 actions and a move also writes one activity item. */
export const maxChangesPerPlan = 99;

// Plain `<` on these ASCII keys is DynamoDB's byte order, so the queue sorts here as it does there.
export const compareRanked = (a: Ranked, b: Ranked): number =>
  a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : a.requestId < b.requestId ? -1 : a.requestId > b.requestId ? 1 : 0;

/** Sorts by (rank, requestId), a copy. */
export const sortQueue = (queue: readonly Ranked[]): Ranked[] => [...queue].sort(compareRanked);

/** The rank for a request appended at the end of a queue whose last rank is `last` (undefined = empty queue). */
export const rankAfter = (last: string | undefined): string => generateKeyBetween(last ?? null, null);

/** Keys for `ranks[a..b)` strictly between its outside neighbours, or undefined when they tie or the keys get too long. */
const keysFor = (ranks: readonly string[], a: number, b: number, bounds: Bounds): string[] | undefined => {
  const lo = a === 0 ? bounds.lo : ranks[a - 1]!;
  const hi = b === ranks.length ? bounds.hi : ranks[b]!;
  if (lo !== null && hi !== null && lo >= hi) return undefined;
  const keys = generateNKeysBetween(lo, hi, b - a);
  return keys.every((key) => key.length <= maxRankLength) ? keys : undefined;
};

/** Window sizes to try around a run: doubling, one try at the transaction limit, then the whole queue. */
const nextSize = (size: number, run: number, n: number): number =>
  size >= Math.min(maxChangesPerPlan, n) ? n : Math.min(maxChangesPerPlan, n, run + 2 * Math.max(1, size - run));

/**
 * New ranks for `order` (the intended order, with the ranks as read) where only the items not
 * kept need new keys. Kept items are in the order of their ranks already, so each run of items
 * not kept gets keys between its kept neighbours; when they tie or are too close, a window around
 * the run is re-keyed instead, growing until the keys fit. Everything left of the run is final,
 * so windows may reach back into it; the item just past a window is kept, so its rank is final.
 * For a segment of the queue (bounds not both null) it gives up with undefined when even the
 * whole segment can't be keyed between its bounds: the caller then plans a wider segment.
 */
const rekey = (order: readonly Ranked[], keep: readonly boolean[], bounds: Bounds = wholeQueue): string[] | undefined => {
  const ranks = order.map((item) => item.rank);
  const n = ranks.length;
  for (let start = 0; start < n; start++) {
    if (keep[start]) continue;
    let end = start;
    while (end < n && !keep[end]) end++;
    const run = end - start;
    for (let size = run; ; size = nextSize(size, run, n)) {
      const a = Math.max(0, Math.min(start - Math.floor((size - run) / 2), n - size));
      let b = a + size;
      while (b < n && !keep[b]) b++;
      const whole = a === 0 && b === n;
      // The whole queue has no outside neighbours, so it always gets keys; too long ones are still best.
      const keys = keysFor(ranks, a, b, bounds) ?? (whole && bounds.lo === null && bounds.hi === null ? generateNKeysBetween(null, null, n) : undefined);
      if (!keys && whole) return undefined;
      if (keys) {
        ranks.splice(a, keys.length, ...keys);
        start = b - 1;
        break;
      }
    }
  }
  return ranks;
};

/** The plan for going from the ranks as read to `ranks`, in the intended `order`. */
const plan = (order: readonly Ranked[], ranks: readonly string[], moves: Move[]): RankPlan => {
  const moved = new Set(moves.map((move) => move.requestId));
  const changes: RankChange[] = [];
  order.forEach(({ requestId, rank }, i) => {
    const to = ranks[i] ?? rank;
    // A moved item is written even if a rebalance gave it its old key back, so that the write
    // stays conditional on the rank the plan was made from.
    if (to !== rank || moved.has(requestId)) changes.push({ requestId, from: rank, to });
  });
  return { changes, moves, order: order.map(({ requestId, rank }, i) => ({ requestId, rank: ranks[i] ?? rank })) };
};

/** Where the moved item goes among the others. */
const gapIndex = (others: readonly Ranked[], placement: Placement): number => {
  if ('to' in placement) return placement.to === 'top' ? 0 : others.length;
  const [anchor, offset] = 'before' in placement ? [placement.before, 0] : [placement.after, 1];
  const i = others.findIndex((item) => item.requestId === anchor);
  if (i < 0) throw new Error(`anchor ${anchor} is not another request of the queue`);
  return i + offset;
};

/** Plans moving `requestId` to `placement`. Preconditions (the caller checks them): requestId is in the queue; an anchor is in the queue and is not requestId itself. */
export const planMove = (queue: readonly Ranked[], requestId: string, placement: Placement): RankPlan => {
  const sorted = sortQueue(queue);
  const from = sorted.findIndex((item) => item.requestId === requestId);
  if (from < 0) throw new Error(`request ${requestId} is not in the queue`);
  const others = sorted.toSpliced(from, 1);
  const to = gapIndex(others, placement);
  if (to === from) return { changes: [], moves: [], order: sorted };
  const order = others.toSpliced(to, 0, sorted[from]!);
  const keep = order.map((_, i) => i !== to);
  // The whole queue always gets keys (no bounds), so rekey gives an answer.
  return plan(order, rekey(order, keep)!, [{ requestId, fromPosition: from + 1, toPosition: to + 1 }]);
};

/**
 * Plans putting `moved` into the gap at index `gap` of `segment`: requests of the queue next to
 * each other, in order, without `moved`, whose outside neighbours have the ranks `bounds`. Only
 * the segment and `moved` are re-keyed. Undefined when the segment is too tight: plan a wider one.
 * The caller checks that `moved` is not already in that gap.
 */
export const planInsert = (segment: readonly Ranked[], gap: number, moved: Ranked, bounds: Bounds): RankPlan | undefined => {
  const order = segment.toSpliced(gap, 0, moved);
  const ranks = rekey(
    order,
    order.map((_, i) => i !== gap),
    bounds,
  );
  return ranks && plan(order, ranks, [{ requestId: moved.requestId }]);
};

/** Marks one longest strictly increasing subsequence of `values` (patience sorting, O(n log n)). */
const longestIncreasing = (values: readonly number[]): boolean[] => {
  const tails: number[] = [];
  const previous: number[] = [];
  values.forEach((value, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! < value) lo = mid + 1;
      else hi = mid;
    }
    previous[i] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = i;
  });
  const marked = values.map(() => false);
  for (let i = tails.at(-1) ?? -1; i >= 0; i = previous[i]!) marked[i] = true;
  return marked;
};

/**
 * Plans setting the whole order at once. Precondition: `desired` is a permutation of the queue's
 * requestIds. The items of a longest run already in order keep their ranks; only the others are
 * re-keyed and are the moves. Rebalanced neighbours are changes but not moves.
 */
export const planOrder = (queue: readonly Ranked[], desired: readonly string[]): RankPlan => {
  const sorted = sortQueue(queue);
  const oldIndex = new Map(sorted.map((item, i) => [item.requestId, i]));
  const indices = desired.map((id) => oldIndex.get(id) ?? -1);
  if (indices.length !== sorted.length || new Set(indices).size !== indices.length || indices.includes(-1)) {
    throw new Error('the desired order is not a permutation of the queue');
  }
  const order = indices.map((i) => sorted[i]!);
  const keep = longestIncreasing(indices);
  const moves = order.flatMap(({ requestId }, i) =>
    keep[i] ? [] : [{ requestId, fromPosition: indices[i]! + 1, toPosition: i + 1 }],
  );
  return plan(order, rekey(order, keep)!, moves);
};
