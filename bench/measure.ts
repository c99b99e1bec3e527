import { runPool } from './pool.js';

/** One route and the raw DynamoDB call it is about. Both throw on a wrong answer. */
export interface Pair {
  name: string;
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
}

const timed = async (call: () => Promise<void>): Promise<number> => {
  const start = performance.now();
  await call();
  return performance.now() - start;
};

/**
 * Interleaved: `concurrency` workers each make a route call and a raw call in turn (which goes
 * first alternates from pair to pair), so whatever slows the machine down hits both alike.
 * Warm-up pairs run the same way first and are thrown away.
 */
export const measurePair = async (pair: Pair, concurrency: number, samples: number, warmup: number): Promise<PairSamples> => {
  const run = async (count: number, into?: PairSamples) =>
    runPool(concurrency, count, async (index) => {
      const routeFirst = index % 2 === 0;
      const first = await timed(routeFirst ? pair.route : pair.raw);
      const second = await timed(routeFirst ? pair.raw : pair.route);
      into?.route.push(routeFirst ? first : second);
      into?.raw.push(routeFirst ? second : first);
    });
  await run(warmup);
  const measured: PairSamples = { route: [], raw: [] };
  await run(samples, measured);
  return measured;
};
