import type { CpuProbe } from './cpu-probe.js';
import { runPool } from './pool.js';

/** One route and the raw DynamoDB call it is about. Both throw on a wrong answer. */
export interface Pair {
  name: string;
  /** The function that serves the route (its route's name), whose CPU per call is measured. */
  functionName: string;
  /** The route's path and query; the call is a GET of it, e.g. `/requests?limit=25`. */
  path: string;
  /** What the raw call is, e.g. `Query gsi1 ORG#…#REQ, newest first, Limit 25`. */
  rawCall: string;
  route: () => Promise<void>;
  raw: () => Promise<void>;
}

export interface PairSamples {
  route: number[];
  raw: number[];
  /** The CPU each measured route call's handler cost the API process, in ms (when a probe was given). */
  cpu?: number[];
}

const timed = async (call: () => Promise<void>): Promise<number> => {
  const start = performance.now();
  await call();
  return performance.now() - start;
};

/**
 * Interleaved: `concurrency` workers each make a route call and a raw call in turn (which goes
 * first alternates from pair to pair), so whatever slows the machine down hits both alike.
 * Warm-up pairs run the same way first and are thrown away. With a CPU probe, the CPU of each
 * measured route call's handler too (only meaningful one call at a time: the probe measures the
 * whole process, so calls that overlap would count each other's work).
 */
export const measurePair = async (pair: Pair, concurrency: number, samples: number, warmup: number, cpu?: CpuProbe): Promise<PairSamples> => {
  const run = async (count: number, into?: PairSamples) =>
    runPool(concurrency, count, async (index) => {
      const routeFirst = index % 2 === 0;
      const first = await timed(routeFirst ? pair.route : pair.raw);
      const second = await timed(routeFirst ? pair.raw : pair.route);
      into?.route.push(routeFirst ? first : second);
      into?.raw.push(routeFirst ? second : first);
    });
  await run(warmup);
  await cpu?.take(); // the warm-up's runs (and the first take starts the probe)
  const measured: PairSamples = { route: [], raw: [] };
  await run(samples, measured);
  if (cpu) {
    measured.cpu = (await cpu.take())[pair.functionName] ?? [];
    if (measured.cpu.length < samples) throw new Error(`the CPU probe saw ${measured.cpu.length} runs of ${pair.functionName} for ${samples} calls of ${pair.path}`);
  }
  return measured;
};
