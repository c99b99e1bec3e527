/** Latency statistics of the route bench: percentiles by the nearest-rank method, no interpolation. */

export interface Summary {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

/**
 * The nearest-rank percentile: the smallest sample that at least p % of the samples are less than
 * or equal to, so it is always one of the measured values (p99 of 400 samples is the 396th).
 */
export const percentile = (samples: readonly number[], p: number): number => {
  if (samples.length === 0) throw new RangeError('no samples');
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile ${p} is not in (0, 100]`);
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.ceil((p / 100) * sorted.length) - 1]!;
};

export const summarize = (samples: readonly number[]): Summary => ({
  count: samples.length,
  p50: percentile(samples, 50),
  p99: percentile(samples, 99),
  max: Math.max(...samples),
});

/** How many times slower the route is than the raw call it is about. */
export const ratio = (route: number, raw: number): number => (raw > 0 ? route / raw : Number.POSITIVE_INFINITY);
