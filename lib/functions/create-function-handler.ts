import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context } from 'aws-lambda';
import * as z from 'zod';
import { fieldProblems, ValidationError } from '../domain/errors.js';
import { errorAnswer } from '../http/error-response.js';
import type { SystemCaller } from '../services/deps.js';
import { logger } from '../observability/logger.js';
import type { FunctionDefinition } from './definition.js';

export interface FunctionInput<I extends z.ZodType> {
  event: z.infer<I>;
  /** The part of the system this function acts as (its entry's `actor`). */
  caller: SystemCaller;
  requestId: string;
}

/**
 * Wraps a function-table entry's implementation: Powertools log context, the event validated
 * with the entry's schema, and errors logged and rethrown by name, so the workflow can catch a
 * `ConflictError` or a `NotFoundError` and a stream or queue retries what failed.
 */
export const createFunctionHandler =
  <I extends z.ZodType, O extends z.ZodType>(definition: FunctionDefinition<I, O>) =>
  (implementation: (input: FunctionInput<I>) => Promise<z.input<O>>) =>
    middy<unknown, z.input<O>, Error, Context>()
      .use(injectLambdaContext(logger, { resetKeys: true }))
      .use({
        onError: async (request) => {
          // A refusal (a conflict, a missing request, a malformed event) is an answer for the
          // caller to handle, not an outage: logged without alarm, as the routes log theirs.
          if (errorAnswer(request.error).expected) logger.info('function refused', { error: request.error?.name, message: request.error?.message });
          else logger.error('function failed', { error: request.error });
        },
      })
      .handler(async (event, context) => {
        logger.appendKeys({ function: definition.name });
        const parsed = z.safeParse(definition.schemas.input, event);
        if (!parsed.success) throw new ValidationError(fieldProblems('event', parsed.error));
        return implementation({ event: parsed.data, caller: { system: definition.actor }, requestId: context.awsRequestId });
      });
