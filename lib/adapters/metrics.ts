import { logger } from '../observability/logger.js';
import { countMetric } from '../observability/metrics.js';
import type { BusinessMetrics } from '../services/ports/deps.js';

/**
 * The services' metrics port on Powertools Metrics (CloudWatch EMF, published as each invocation
 * ends). A count that can't be stored is logged, never thrown: the change it counts is committed.
 */
export const businessMetrics: BusinessMetrics = {
  count(name, value = 1) {
    try {
      countMetric(name, value);
    } catch (error) {
      logger.warn('metric not counted', { metric: name, error });
    }
  },
};

/** Counts nothing (scripts, tests that don't look). */
export const noMetrics: BusinessMetrics = { count: () => undefined };
