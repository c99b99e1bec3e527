import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import type middy from '@middy/core';
import { currentCorrelationId } from './correlation.js';
import { logger } from './logger.js';
import { publishMetrics } from './metrics.js';
import { tracer } from './tracer.js';

/** Names the invocation's correlation id on its every log line and on its trace (an X-Ray annotation, searchable). */
const correlationKeys: middy.MiddlewareObj = {
  before: async () => {
    const id = currentCorrelationId();
    if (!id) return;
    logger.appendKeys({ correlationId: id });
    tracer.putAnnotation('correlationId', id);
  },
};

/**
 * What every function runs with, both factories alike: its X-Ray trace (the handler's subsegment;
 * no answer copied into it, answers carry people's data), the Lambda context and the correlation
 * id on every log line (reset after each invocation), and its business metrics published as it ends.
 */
export const observability = (): middy.MiddlewareObj[] => [
  captureLambdaHandler(tracer, { captureResponse: false }),
  injectLambdaContext(logger, { resetKeys: true }),
  publishMetrics(),
  correlationKeys,
];
