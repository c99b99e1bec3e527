import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type middy from '@middy/core';
import { errorAnswer } from '../http/error-response.js';
import { currentCorrelationId } from './correlation.js';
import { logger } from './logger.js';
import { publishMetrics } from './metrics.js';
import { endInvocationTrace, startInvocationTrace } from './tracer.js';

/**
 * The handler's X-Ray subsegment (lib/observability/tracer.ts), annotated with the correlation
 * id. A thrown error is recorded as the caller sees it (lib/http/error-response.ts): a refusal
 * (4xx) is an error with its type and message, which the caller is told anyway; anything else a
 * fault with its type only, since its message may quote what a service said about someone (SES
 * names a refused address): the function's log line has it in full, under the same correlation id.
 * Nothing is returned from these hooks: middy would take it for the answer.
 */
const handlerTrace: middy.MiddlewareObj = {
  before: async () => {
    const id = currentCorrelationId();
    startInvocationTrace(id ? { correlationId: id } : {});
  },
  after: async () => {
    await endInvocationTrace({});
  },
  onError: async (request) => {
    const error = request.error;
    const answer = errorAnswer(error);
    await endInvocationTrace({
      status: answer.statusCode,
      // ServiceBusyError: DynamoDB kept throttling us.
      throttled: answer.expected && answer.statusCode === 503,
      failure: { type: error?.name ?? 'Error', ...(answer.expected && error ? { message: error.message } : {}) },
    });
  },
};

/** Names the invocation's correlation id on its every log line. */
const correlationKeys: middy.MiddlewareObj = {
  before: async () => {
    const id = currentCorrelationId();
    if (id) logger.appendKeys({ correlationId: id });
  },
};

/**
 * What every function runs with, both factories alike: its X-Ray subsegment (no answer copied
 * into it, answers carry people's data), the Lambda context and the correlation id on every log
 * line (reset after each invocation), and its business metrics published as it ends.
 */
export const observability = (): middy.MiddlewareObj[] => [handlerTrace, injectLambdaContext(logger, { resetKeys: true }), publishMetrics(), correlationKeys];
