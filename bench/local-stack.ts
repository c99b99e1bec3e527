import fs from 'node:fs';
import type { LocalStackInfo } from '../local/stack.js';
import { isolatedEnv, launchLocal } from '../test/support/local-process.js';
import { costAgentEnv, costMeterOf, type CostMeter } from './cost-meter.js';
import { cpuProbeOf, withCpuAgent, type CpuProbe } from './cpu-probe.js';

export interface BenchStack {
  dataDir: string;
  /** The stack's addresses once it is ready; rejects if it exits before. */
  ready: Promise<LocalStackInfo>;
  /** Stops the stack and removes its data dir; safe to call at any time and more than once. */
  stop: () => Promise<void>;
  /** The last lines the stack printed (handler errors land here), for a failure report. */
  outputTail: () => string;
  /** What the stack's functions do, counted inside its process for the cost model (idle until first asked). */
  meter: CostMeter;
  /** The CPU each function run costs the stack's process (idle until first asked). */
  cpu: CpuProbe;
}

const tailLines = 40;

/**
 * The whole local stack as `npm start` runs it, on free ports and a temporary data dir, started
 * and awaited by the same `launchLocal` as the integration tests' global setup, with the cost
 * model's meter and the CPU probe preloaded into its process.
 */
export const launchBenchStack = async (): Promise<BenchStack> => {
  const { child, ended, dataDir, ready } = launchLocal(withCpuAgent({ ...(await isolatedEnv()), ...costAgentEnv() }));
  let tail: string[] = [];
  const keep = (chunk: Buffer) => (tail = [...tail, ...chunk.toString().split('\n').filter((line) => line.trim() !== '')].slice(-tailLines));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  ready.catch(() => undefined); // the caller awaits it; no unhandled rejection if it stops first
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await ended;
      // Stopped before it was ready, launchLocal first stops what its services left running in that dir.
      await ready.catch(() => undefined);
      fs.rmSync(dataDir, { recursive: true, force: true });
    })());
  return { dataDir, ready, stop, outputTail: () => tail.join('\n'), meter: costMeterOf(child), cpu: cpuProbeOf(child) };
};
