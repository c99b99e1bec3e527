import type { BusinessMetrics } from '../../lib/services/ports/deps.js';
import type { MetricName } from '../../lib/observability/metric-names.js';

/** A metrics port that keeps what was counted, for tests to read: `counts()` sums each name. */
export const recordingMetrics = () => {
  const recorded: { name: MetricName; value: number }[] = [];
  const metrics: BusinessMetrics = { count: (name, value = 1) => void recorded.push({ name, value }) };
  const counts = (): Partial<Record<MetricName, number>> => {
    const sums: Partial<Record<MetricName, number>> = {};
    for (const { name, value } of recorded) sums[name] = (sums[name] ?? 0) + value;
    return sums;
  };
  return { metrics, recorded, counts };
};
