import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type middy from '@middy/core';
import { EnvName } from '../config/env.js';
import type { MetricName } from './metric-names.js';

let instance: Metrics | undefined;

/**
 * The functions' CloudWatch metrics (Powertools Metrics, written as EMF to the function's log):
 * the namespace comes from `POWERTOOLS_METRICS_NAMESPACE`, every metric has the dimensions
 * `service` (`orderdesk`) and `stage`. `POWERTOOLS_METRICS_DISABLED=true` (the local stack)
 * writes nothing. Made on first use, not on import: Powertools reads its environment once, and
 * the local stack sets it after some of this code is loaded. The services count through their
 * port (lib/adapters/metrics.ts), never here.
 */
export const metrics = (): Metrics => {
  const stage = process.env[EnvName.stage];
  instance ??= new Metrics({ serviceName: 'orderdesk', ...(stage ? { defaultDimensions: { stage } } : {}) });
  return instance;
};

/** One more of `name` (a count), published when the invocation ends. */
export const countMetric = (name: MetricName, value: number): void => {
  metrics().addMetric(name, MetricUnit.Count, value);
};

/**
 * Publishes what the invocation counted when it ends, answered or failed. Powertools' own
 * `logMetrics` middleware publishes on every invocation and, when nothing was counted (most
 * routes: every read), logs a warning each time; this one publishes only what there is.
 */
export const publishMetrics = (): middy.MiddlewareObj => {
  const publish = async () => {
    if (instance?.hasStoredMetrics()) instance.publishStoredMetrics();
  };
  return { after: publish, onError: publish };
};
