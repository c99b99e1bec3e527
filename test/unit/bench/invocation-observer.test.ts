import { describe, expect, it } from 'vitest';
import { localFunctions, observeInvocations, type LocalRunEnd } from '../../../local/handler-module.js';

/** The hook the cost meter counts Lambda runs and their durations with (bench/cost-agent.ts). */
describe('observing the local functions', () => {
  const run = localFunctions();

  it('tells an observer of each run as it starts and how it ended, until it stops watching', async () => {
    const seen: { name: string; end?: LocalRunEnd }[] = [];
    const stop = observeInvocations((name) => {
      const entry: { name: string; end?: LocalRunEnd } = { name };
      seen.push(entry);
      return (end) => (entry.end = end);
    });
    await run('health', {});
    stop();
    await run('health', {});
    expect(seen).toHaveLength(1);
    expect(seen[0]!.name).toBe('health');
    expect(seen[0]!.end?.outcome).toBe('returned');
    expect(seen[0]!.end?.ms).toBeGreaterThanOrEqual(0);
  });

  it('tells an observer the CPU the process spent while the handler ran', async () => {
    const ends: LocalRunEnd[] = [];
    const stop = observeInvocations(() => (end) => ends.push(end));
    try {
      await run('health', {});
    } finally {
      stop();
    }
    // Any run takes some CPU; process.cpuUsage counts microseconds.
    expect(ends[0]!.cpuMs).toBeGreaterThan(0);
    expect(ends[0]!.cpuMs).toBeLessThan(1000);
  });

  it('never lets an observer’s fault change the run', async () => {
    const stopStart = observeInvocations(() => {
      throw new Error('observer at start');
    });
    const stopEnd = observeInvocations(() => () => {
      throw new Error('observer at the end');
    });
    try {
      const result = await run('health', {});
      expect(result.timedOut).toBe(false);
    } finally {
      stopStart();
      stopEnd();
    }
  });
});
