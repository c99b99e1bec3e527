import { describe, expect, it } from 'vitest';
import { runPool } from '../../../bench/pool.js';
import { formatTable, missedGoals, type Row } from '../../../bench/report.js';

const row = (name: string, concurrency: number, routeP99: number, rawP99: number): Row => ({
  name,
  concurrency,
  route: { count: 400, p50: routeP99 / 2, p99: routeP99, max: routeP99 },
  raw: { count: 400, p50: rawP99 / 2, p99: rawP99, max: rawP99 },
});

describe('bench goals', () => {
  it('are met at a p99 ratio of 1.5 and a queue first page p99 under 20 ms', () => {
    expect(missedGoals([row('list', 1, 3, 2), row('queue first page', 8, 19.9, 13.3)])).toEqual([]);
  });

  it('are missed above a p99 ratio of 1.5, and by a queue first page p99 of 20 ms or more', () => {
    expect(missedGoals([row('timeline', 8, 3.1, 2), row('queue first page', 1, 20, 19)])).toEqual([
      'timeline at concurrency 8: p99 ratio 1.55 > 1.5',
      'queue first page at concurrency 1: p99 20.0 ms, not under 20 ms',
    ]);
  });

  it('marks what misses in the table', () => {
    const [, , ok, slow] = formatTable([row('get request', 1, 3, 2), row('queue first page', 8, 40, 10)]).split('\n');
    expect(ok).not.toContain('!');
    expect(slow).toContain('40.00 ms !');
    expect(slow).toMatch(/4\.00× !$/);
  });
});

describe('bench pool', () => {
  it('runs every index once with at most the given number in flight', async () => {
    const seen: number[] = [];
    let inFlight = 0;
    let most = 0;
    await runPool(3, 10, async (index) => {
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1));
      seen.push(index);
      inFlight--;
    });
    expect(seen.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(most).toBe(3);
  });
});
