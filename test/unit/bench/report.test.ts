import { describe, expect, it } from 'vitest';
import { runPool } from '../../../bench/pool.js';
import { formatLatencyTable, formatOverFloorTable, hopPairName, missedGoals, overFloor, type Row } from '../../../bench/report.js';

const summary = (p50: number, p99 = 2 * p50) => ({ count: 400, p50, p99, max: p99 });

/** A row measured at concurrency 1: route and raw p50 (p99 twice that), and the CPU per call if given. */
const row = (name: string, routeP50: number, rawP50: number, cpuP50?: number, concurrency = 1): Row => ({
  name,
  concurrency,
  route: summary(routeP50),
  raw: summary(rawP50),
  ...(cpuP50 === undefined ? {} : { cpu: summary(cpuP50) }),
});

const hop = row(hopPairName, 0.5, 1.9, 0.2);

describe('what a read route adds over the floor', () => {
  it('is its p50 less its raw call’s p50 and /health’s, at concurrency 1, with the median CPU per call', () => {
    const figures = overFloor([hop, row('get request', 3.25, 2, 0.8), row('get request', 9, 4, undefined, 8)]);
    expect(figures).toEqual([
      { name: hopPairName, routeP50: 0.5, rawP50: 1.9, hopP50: 0.5, cpuMs: 0.2 },
      { name: 'get request', routeP50: 3.25, rawP50: 2, hopP50: 0.5, overMs: 0.75, cpuMs: 0.8 },
    ]);
  });

  it('can be below zero when the route beat the floor (noise), and is not figured without the hop’s row', () => {
    expect(overFloor([hop, row('me', 2, 1.75)])[1]!.overMs).toBeCloseTo(-0.25);
    expect(overFloor([row('me', 2, 1.75)])).toEqual([]);
  });
});

describe('bench goals', () => {
  it('are met at 1.0 ms over the floor, 1.5 ms of CPU per call and a queue first page p99 under 20 ms', () => {
    // 3.5 − (2 + 0.5) = 1.0 exactly; the hop's own CPU counts as any route's; p99 19.9 at concurrency 8.
    expect(missedGoals([hop, row('list', 3.5, 2, 1.5), row('queue first page', 9.95, 5, undefined, 8)])).toEqual([]);
  });

  it('are missed above 1.0 ms over the floor, above 1.5 ms of CPU, and by a queue first page p99 of 20 ms or more', () => {
    expect(missedGoals([hop, row('get request', 8.5, 2, 1.2), row('timeline', 3, 2, 1.6), row('queue first page', 10, 4, undefined, 8)])).toEqual([
      'get request: 6.00 ms over the floor (p50, concurrency 1), more than 1.0 ms',
      'timeline: 1.60 ms of CPU per warm call (median), more than 1.5 ms',
      'queue first page at concurrency 8: p99 20.0 ms, not under 20 ms',
    ]);
  });

  it('ask nothing of the p99 ratios (information only)', () => {
    const slowTail: Row = { ...row('list', 3, 2.5, 0.5), route: { count: 400, p50: 3, p99: 40, max: 40 } };
    expect(missedGoals([hop, slowTail])).toEqual([]);
  });
});

describe('bench tables', () => {
  it('give each read route its figures and their ratios to the goals, marking what misses', () => {
    const [header, , hopLine, ok, slow] = formatOverFloorTable([hop, row('me', 2.9, 2, 0.6), row('get request', 8.5, 2, 1.8)]).split('\n');
    expect(header).toMatch(/over floor\s+÷ 1\.0 ms\s+CPU\/call\s+÷ 1\.5 ms/);
    expect(hopLine).toMatch(/—\s+—\s+0\.20 ms\s+0\.13×\s*$/);
    expect(ok).toMatch(/0\.40 ms\s+0\.40×\s+0\.60 ms\s+0\.40×\s*$/);
    expect(ok).not.toContain('!');
    expect(slow).toMatch(/6\.00 ms\s+6\.00× !\s+1\.80 ms\s+1\.20× !$/);
  });

  it('show latency and route ÷ raw for information, marking only a slow queue first page', () => {
    const [, , ok, slow] = formatLatencyTable([row('get request', 6, 2, undefined, 8), row('queue first page', 20, 5, undefined, 8)]).split('\n');
    expect(ok).not.toContain('!');
    expect(ok).toMatch(/3\.00×\s+3\.00×\s*$/);
    expect(slow).toContain('40.00 ms !');
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
