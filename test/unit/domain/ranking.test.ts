import fc from 'fast-check';
import { generateKeyBetween } from 'fractional-indexing';
import { describe, expect, it } from 'vitest';
import {
  maxChangesPerPlan,
  maxRankLength,
  planInsert,
  planMove,
  planOrder,
  rankAfter,
  sortQueue,
  type Placement,
  type RankPlan,
  type Ranked,
} from '../../../lib/domain/ranking.js';

const ids = (queue: readonly Ranked[]) => queue.map((item) => item.requestId);

/** A queue with the given ids, appended one after another: ranks a0, a1, ... */
const appended = (...requestIds: string[]): Ranked[] => {
  const queue: Ranked[] = [];
  for (const requestId of requestIds) queue.push({ requestId, rank: rankAfter(queue.at(-1)?.rank) });
  return queue;
};

/** What the store holds after the plan's writes, read back in queue order; each write checked against the rank it expects. */
const apply = (queue: readonly Ranked[], plan: RankPlan): Ranked[] => {
  const ranks = new Map(queue.map((item) => [item.requestId, item.rank]));
  for (const change of plan.changes) {
    expect(ranks.get(change.requestId), `${change.requestId} is read with the rank the plan expects`).toBe(change.from);
    ranks.set(change.requestId, change.to);
  }
  expect(new Set(plan.changes.map((change) => change.requestId)).size).toBe(plan.changes.length);
  return sortQueue([...ranks].map(([requestId, rank]) => ({ requestId, rank })));
};

const strictlyIncreasing = (queue: readonly Ranked[]) =>
  queue.every((item, i) => {
    const previous = queue[i - 1];
    return !previous || previous.rank < item.rank || (previous.rank === item.rank && previous.requestId < item.requestId);
  });

/** Applies the plan and checks that `order` is what the store would hold, sorted and well-formed. */
const applied = (queue: readonly Ranked[], plan: RankPlan): Ranked[] => {
  const after = apply(queue, plan);
  expect(plan.order).toEqual(after);
  expect(strictlyIncreasing(after)).toBe(true);
  for (const change of plan.changes) expect(change.to.length).toBeLessThanOrEqual(maxRankLength);
  return after;
};

describe('appending to a queue', () => {
  it('gives the first request of an empty queue the first key', () => {
    expect(rankAfter(undefined)).toBe('a0');
  });

  it('gives a request after the last one a greater key', () => {
    expect(rankAfter('a0') > 'a0').toBe(true);
    expect(rankAfter('a0V') > 'a0V').toBe(true);
  });

  it('keeps 1 000 appended requests in order with short keys', () => {
    const queue = appended(...Array.from({ length: 1000 }, (_, i) => `r${i}`));
    expect(strictlyIncreasing(queue)).toBe(true);
    expect(Math.max(...queue.map((item) => item.rank.length))).toBeLessThanOrEqual(3);
  });
});

describe('moving one request', () => {
  const queue = appended('A', 'B', 'C', 'D', 'E');

  it('puts a request before its anchor with one changed key', () => {
    const plan = planMove(queue, 'E', { before: 'B' });
    expect(plan.changes).toEqual([{ requestId: 'E', from: 'a4', to: expect.any(String) }]);
    expect(plan.moves).toEqual([{ requestId: 'E', fromPosition: 5, toPosition: 2 }]);
    expect(ids(applied(queue, plan))).toEqual(['A', 'E', 'B', 'C', 'D']);
  });

  it('puts a request after its anchor with one changed key', () => {
    const plan = planMove(queue, 'A', { after: 'C' });
    expect(plan.changes).toHaveLength(1);
    expect(plan.moves).toEqual([{ requestId: 'A', fromPosition: 1, toPosition: 3 }]);
    expect(ids(applied(queue, plan))).toEqual(['B', 'C', 'A', 'D', 'E']);
  });

  it('puts a request at the top with one changed key', () => {
    const plan = planMove(queue, 'D', { to: 'top' });
    expect(plan.changes).toHaveLength(1);
    expect(plan.moves).toEqual([{ requestId: 'D', fromPosition: 4, toPosition: 1 }]);
    expect(ids(applied(queue, plan))).toEqual(['D', 'A', 'B', 'C', 'E']);
  });

  it('puts a request at the bottom with one changed key', () => {
    const plan = planMove(queue, 'B', { to: 'bottom' });
    expect(plan.changes).toHaveLength(1);
    expect(plan.moves).toEqual([{ requestId: 'B', fromPosition: 2, toPosition: 5 }]);
    expect(ids(applied(queue, plan))).toEqual(['A', 'C', 'D', 'E', 'B']);
  });

  it('reads an unsorted queue in rank order', () => {
    const plan = planMove([...queue].reverse(), 'C', { to: 'top' });
    expect(plan.moves).toEqual([{ requestId: 'C', fromPosition: 3, toPosition: 1 }]);
  });

  it.each<[string, Placement]>([
    ['C', { after: 'B' }],
    ['C', { before: 'D' }],
    ['A', { to: 'top' }],
    ['E', { to: 'bottom' }],
  ])('changes nothing when %s is moved onto its own place %j', (requestId, placement) => {
    expect(planMove(queue, requestId, placement)).toEqual({ changes: [], moves: [], order: queue });
  });

  it('rebalances when a request goes between two tied requests, into distinct increasing keys', () => {
    const tied = [
      { requestId: 'A', rank: 'a0' },
      { requestId: 'B', rank: 'a1' },
      { requestId: 'C', rank: 'a1' },
      { requestId: 'D', rank: 'a2' },
      { requestId: 'E', rank: 'a3' },
    ];
    const plan = planMove(tied, 'E', { after: 'B' });
    expect(plan.changes.length).toBeGreaterThan(1);
    expect(plan.moves).toEqual([{ requestId: 'E', fromPosition: 5, toPosition: 3 }]);
    const after = applied(tied, plan);
    expect(ids(after)).toEqual(['A', 'B', 'E', 'C', 'D']);
    expect(new Set(after.map((item) => item.rank)).size).toBe(5);
  });

  it('keeps a rebalance within one transaction when a window of 99 suffices', () => {
    const long = appended(...Array.from({ length: 200 }, (_, i) => `r${String(i).padStart(3, '0')}`));
    const tied = long.map((item, i) => (i >= 55 && i < 145 ? { ...item, rank: long[55]!.rank } : item));
    const plan = planMove(tied, 'r000', { after: 'r100' });
    expect(plan.changes.length).toBeGreaterThan(1);
    expect(plan.changes.length).toBeLessThanOrEqual(maxChangesPerPlan);
    expect(ids(applied(tied, plan))).toEqual(ids(tied).slice(1, 101).concat('r000', ids(tied).slice(101)));
  });

  it('re-keys the whole queue when nothing smaller works, even beyond one transaction', () => {
    const tied = Array.from({ length: 150 }, (_, i) => ({ requestId: `r${String(i).padStart(3, '0')}`, rank: 'a5' }));
    const plan = planMove(tied, 'r000', { after: 'r075' });
    expect(plan.changes.length).toBeGreaterThan(maxChangesPerPlan);
    expect(ids(applied(tied, plan))).toEqual(ids(tied).slice(1, 76).concat('r000', ids(tied).slice(76)));
  });

  it('refuses a request or an anchor that is not in the queue, or the request as its own anchor', () => {
    expect(() => planMove(queue, 'X', { to: 'top' })).toThrow();
    expect(() => planMove(queue, 'A', { before: 'X' })).toThrow();
    expect(() => planMove(queue, 'A', { after: 'A' })).toThrow();
  });
});

describe('keys stay short after 1 000 moves', () => {
  /** Runs the moves one after another on the queue the previous plan left, checking each intended order. */
  const run = (start: Ranked[], steps: { requestId: string; placement: Placement; expected: (before: string[]) => string[] }[]) => {
    let queue = start;
    let longest = 0;
    let rebalances = 0;
    for (const { requestId, placement, expected } of steps) {
      const plan = planMove(queue, requestId, placement);
      const after = applied(queue, plan);
      expect(ids(after)).toEqual(expected(ids(queue)));
      if (plan.changes.length > 1) rebalances++;
      longest = Math.max(longest, ...after.map((item) => item.rank.length));
      queue = after;
    }
    return { longest, rebalances };
  };
  const alternate = (count: number) => Array.from({ length: count }, (_, i) => (i % 2 === 0 ? 'B' : 'A'));

  it('when two requests take turns at the top', () => {
    const { longest } = run(
      appended('A', 'B', 'C', 'D', 'E'),
      alternate(1000).map((requestId) => ({
        requestId,
        placement: { to: 'top' },
        expected: (before) => [requestId, ...before.filter((id) => id !== requestId)],
      })),
    );
    expect(longest).toBeLessThanOrEqual(maxRankLength);
  });

  it('when two requests take turns in the same gap after the head, by rebalancing', () => {
    const { longest, rebalances } = run(
      appended('H', 'A', 'B', 'C', 'D'),
      alternate(1000).map((requestId) => ({
        requestId,
        placement: { after: 'H' },
        expected: (before) => ['H', requestId, ...before.filter((id) => id !== 'H' && id !== requestId)],
      })),
    );
    expect(longest).toBeLessThanOrEqual(maxRankLength);
    expect(rebalances).toBeGreaterThan(0);
  });
});

describe('setting the whole order', () => {
  const queue = appended('A', 'B', 'C', 'D', 'E');

  it('changes nothing for the order it already has', () => {
    expect(planOrder(queue, ids(queue))).toEqual({ changes: [], moves: [], order: queue });
  });

  it('moves all but one request to reverse the queue', () => {
    const plan = planOrder(queue, ['E', 'D', 'C', 'B', 'A']);
    expect(plan.moves).toHaveLength(4);
    expect(plan.changes).toHaveLength(4);
    expect(ids(applied(queue, plan))).toEqual(['E', 'D', 'C', 'B', 'A']);
  });

  it('writes one key when one request changes place', () => {
    const plan = planOrder(queue, ['A', 'D', 'B', 'C', 'E']);
    expect(plan.changes).toEqual([{ requestId: 'D', from: 'a3', to: expect.any(String) }]);
    expect(plan.moves).toEqual([{ requestId: 'D', fromPosition: 4, toPosition: 2 }]);
    expect(ids(applied(queue, plan))).toEqual(['A', 'D', 'B', 'C', 'E']);
  });

  it('rebalances a run that lands between tied requests', () => {
    const tied = queue.map((item) => (item.requestId === 'C' ? { ...item, rank: 'a1' } : item));
    const plan = planOrder(tied, ['A', 'B', 'E', 'C', 'D']);
    expect(plan.moves).toEqual([{ requestId: 'E', fromPosition: 5, toPosition: 3 }]);
    expect(plan.changes.length).toBeGreaterThan(1);
    expect(ids(applied(tied, plan))).toEqual(['A', 'B', 'E', 'C', 'D']);
  });

  it('refuses an order that is not a permutation of the queue', () => {
    expect(() => planOrder(queue, ['A', 'B', 'C', 'D'])).toThrow();
    expect(() => planOrder(queue, ['A', 'B', 'C', 'D', 'D'])).toThrow();
    expect(() => planOrder(queue, ['A', 'B', 'C', 'D', 'X'])).toThrow();
  });
});

describe('properties', () => {
  /**
   * Queues as they may be stored: built by inserting at random places, with ties (two concurrent
   * moves into one gap) and crowded long keys (many inserts into one gap), under ids unrelated to
   * the order.
   */
  const queueArbitrary = (minLength: number) =>
    fc
      .uniqueArray(fc.record({ id: fc.integer({ min: 0, max: 99 }), at: fc.nat(), kind: fc.nat(4) }), {
        selector: (step) => step.id,
        minLength,
        maxLength: 30,
      })
      .map((steps) => {
        const queue: Ranked[] = [];
        for (const { id, at, kind } of steps) {
          const i = at % (queue.length + 1);
          const lo = queue[i - 1]?.rank ?? null;
          const hi = queue[i]?.rank ?? null;
          let rank: string;
          if ((kind === 0 && (lo ?? hi) !== null) || (lo !== null && lo === hi)) rank = (lo ?? hi)!;
          else {
            rank = generateKeyBetween(lo, hi);
            if (kind === 4) for (let n = 0; n < 40; n++) rank = generateKeyBetween(lo, rank);
          }
          queue.splice(i, 0, { requestId: `r${String(id).padStart(2, '0')}`, rank });
        }
        return queue;
      });

  it('moving a request puts it exactly where the placement says and keeps the others in order', () => {
    fc.assert(
      fc.property(
        queueArbitrary(1),
        fc.nat(),
        fc.nat(),
        fc.constantFrom('before', 'after', 'top', 'bottom'),
        fc.boolean(),
        (queue, itemPick, anchorPick, kind, shuffle) => {
          const input = shuffle ? [...queue].reverse() : queue;
          const before = ids(sortQueue(queue));
          const requestId = before[itemPick % before.length]!;
          const others = before.filter((id) => id !== requestId);
          const anchor = others[anchorPick % Math.max(1, others.length)];
          const placement: Placement =
            anchor === undefined || kind === 'top' || kind === 'bottom'
              ? { to: kind === 'bottom' ? 'bottom' : 'top' }
              : kind === 'before'
                ? { before: anchor }
                : { after: anchor };
          const gap =
            'to' in placement
              ? placement.to === 'top'
                ? 0
                : others.length
              : 'before' in placement
                ? others.indexOf(placement.before)
                : others.indexOf(placement.after) + 1;
          const expected = others.toSpliced(gap, 0, requestId);

          const plan = planMove(input, requestId, placement);
          expect(ids(applied(input, plan))).toEqual(expected);
          if (expected.join() === before.join()) expect(plan).toEqual({ changes: [], moves: [], order: sortQueue(queue) });
          else {
            expect(plan.moves).toEqual([{ requestId, fromPosition: before.indexOf(requestId) + 1, toPosition: gap + 1 }]);
            expect(plan.changes.map((change) => change.requestId)).toContain(requestId);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a move planned from only a segment around its gap gives the same order as one planned from the whole queue', () => {
    fc.assert(
      fc.property(queueArbitrary(1), fc.nat(), fc.nat(), fc.nat(), fc.nat(), (queue, itemPick, gapPick, leftPick, rightPick) => {
        const sorted = sortQueue(queue);
        const moved = sorted[itemPick % sorted.length]!;
        const others = sorted.filter((item) => item.requestId !== moved.requestId);
        const gap = gapPick % (others.length + 1);
        // A segment [start, end) of the others around the gap; what lies outside it only bounds it.
        const start = gap - (leftPick % (gap + 1));
        const end = gap + (rightPick % (others.length - gap + 1));
        const segment = others.slice(start, end);
        const bounds = { lo: others[start - 1]?.rank ?? null, hi: others[end]?.rank ?? null };
        const expected = ids(others.toSpliced(gap, 0, moved));

        const plan = planInsert(segment, gap - start, moved, bounds);
        if (plan === undefined) {
          // Too tight to plan inside: only possible when something bounds it, and the whole queue always plans.
          expect(bounds.lo !== null || bounds.hi !== null).toBe(true);
          expect(planInsert(others, gap, moved, { lo: null, hi: null })).toBeDefined();
          return;
        }
        const after = apply(queue, plan);
        expect(ids(after)).toEqual(expected);
        expect(strictlyIncreasing(after)).toBe(true);
        const inside = new Set([...ids(segment), moved.requestId]);
        expect(plan.order).toEqual(after.filter((item) => inside.has(item.requestId)));
        for (const change of plan.changes) {
          expect(inside, 'only the segment and the moved request are re-keyed').toContain(change.requestId);
          expect(change.to.length).toBeLessThanOrEqual(maxRankLength);
          if (bounds.lo !== null) expect(change.to > bounds.lo).toBe(true);
          if (bounds.hi !== null) expect(change.to < bounds.hi).toBe(true);
        }
        expect(plan.moves).toEqual([{ requestId: moved.requestId }]);
      }),
      { numRuns: 1000 },
    );
  });

  it('re-keys a segment whose neighbours tie, between its bounds', () => {
    const segment = [
      { requestId: 'B', rank: 'a1' },
      { requestId: 'C', rank: 'a1' },
    ];
    const plan = planInsert(segment, 1, { requestId: 'X', rank: 'a9' }, { lo: 'a0', hi: 'a2' });
    expect(plan?.order.map((item) => item.requestId)).toEqual(['B', 'X', 'C']);
    for (const item of plan!.order) expect(item.rank > 'a0' && item.rank < 'a2').toBe(true);
    expect(planInsert(segment, 1, { requestId: 'X', rank: 'a9' }, { lo: 'a1', hi: 'a1' })).toBeUndefined();
  });

  /** Length of a longest strictly increasing subsequence, the plain quadratic way. */
  const lisLength = (values: readonly number[]) => {
    const best = values.map(() => 1);
    values.forEach((value, i) => {
      for (let j = 0; j < i; j++) if (values[j]! < value) best[i] = Math.max(best[i]!, best[j]! + 1);
    });
    return Math.max(0, ...best);
  };

  it('setting an order yields exactly that order, moving only the requests outside a longest kept run', () => {
    fc.assert(
      fc.property(
        queueArbitrary(0).chain((queue) => fc.tuple(fc.constant(queue), fc.shuffledSubarray(ids(queue), { minLength: queue.length }))),
        ([queue, desired]) => {
          const before = ids(sortQueue(queue));
          const plan = planOrder(queue, desired);
          expect(ids(applied(queue, plan))).toEqual(desired);

          const oldPositions = desired.map((id) => before.indexOf(id));
          expect(plan.moves).toHaveLength(desired.length - lisLength(oldPositions));
          const moved = new Set(plan.moves.map((move) => move.requestId));
          for (const move of plan.moves) {
            expect(move.fromPosition).toBe(before.indexOf(move.requestId) + 1);
            expect(move.toPosition).toBe(desired.indexOf(move.requestId) + 1);
          }
          const changed = new Set(plan.changes.map((change) => change.requestId));
          for (const id of moved) expect(changed).toContain(id);
          const kept = oldPositions.filter((_, i) => !moved.has(desired[i]!));
          expect(kept).toEqual([...kept].sort((a, b) => a - b));
        },
      ),
      { numRuns: 500 },
    );
  });
});
