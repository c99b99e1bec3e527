import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import * as z from 'zod';
import { fieldProblems, ValidationError } from '../domain/errors.js';
import { errorAnswer } from '../http/error-response.js';
import type { SystemCaller } from '../services/ports/deps.js';
import { correlationTag, maxCorrelationIdLength, withCorrelationId, workflowCorrelationId } from '../observability/correlation.js';
import { logger } from '../observability/logger.js';
import { observability } from '../observability/middleware.js';
import type { FunctionDefinition, Trigger } from './definition.js';

export interface FunctionInput<I extends z.ZodType> {
  event: z.infer<I>;
  /** The part of the system this function acts as (its entry's `actor`). */
  caller: SystemCaller;
  /** Lambda's id of this invocation. */
  requestId: string;
}

/** The few fields of a trigger's event that name the action it belongs to; read before the event is validated. */
const WorkflowTaskEvent = z.object({ execution: z.string().min(1) });
const InboundMailEvent = z.object({ detail: z.object({ object: z.object({ key: z.string().min(1) }) }) });
const MailEvent = z.object({ detail: z.object({ mail: z.object({ messageId: z.string().min(1), tags: z.record(z.string(), z.array(z.string())).optional() }) }) });

/**
 * The correlation id of an invocation (see lib/observability/correlation.ts): a workflow task's
 * execution, a stored mail's key, the bounced mail's own id (its tag), else Lambda's request id.
 */
export const correlationIdOf = (trigger: Trigger, event: unknown, context: Pick<Context, 'awsRequestId'>): string => {
  const id = (() => {
    switch (trigger.kind) {
      case 'workflow-task': {
        const execution = WorkflowTaskEvent.safeParse(event).data?.execution;
        return execution && workflowCorrelationId(execution);
      }
      case 'inbound-mail':
        return InboundMailEvent.safeParse(event).data?.detail.object.key;
      case 'mail-events': {
        const mail = MailEvent.safeParse(event).data?.detail.mail;
        return mail && (mail.tags?.[correlationTag]?.[0] || `ses:${mail.messageId}`);
      }
      default:
        return undefined;
    }
  })();
  return (id || context.awsRequestId).slice(0, maxCorrelationIdLength);
};

export type FunctionHandler<O extends z.ZodType> = (event: unknown, context: Context) => Promise<z.input<O>>;

/**
 * Wraps a function-table entry's implementation: tracing, the log context, business metrics, the
 * event validated with the entry's schema, and errors logged and rethrown by name, so the
 * workflow can catch a `ConflictError` or a `NotFoundError` and a stream or queue retries what
 * failed. Each invocation runs as the action its event belongs to (`correlationIdOf`).
 */
export const createFunctionHandler =
  <I extends z.ZodType, O extends z.ZodType>(definition: FunctionDefinition<I, O>) =>
  (implementation: (input: FunctionInput<I>) => Promise<z.input<O>>): FunctionHandler<O> => {
    const handler = middy<unknown, z.input<O>, Error, Context>()
      .use(observability())
      .use({
        onError: async (request) => {
          // A refusal (a conflict, a missing request, a malformed event) is an answer for the
          // caller to handle, not an outage: logged without alarm, as the routes log theirs
          // (its words as `reason`: `message` is the log line's own, and Powertools drops it).
          if (errorAnswer(request.error).expected) logger.info('function refused', { error: request.error?.name, reason: request.error?.message });
          else logger.error('function failed', { error: request.error });
        },
      })
      .handler(async (event, context) => {
        logger.appendKeys({ function: definition.name });
        const parsed = z.safeParse(definition.schemas.input, event);
        if (!parsed.success) throw new ValidationError(fieldProblems('event', parsed.error));
        return implementation({ event: parsed.data, caller: { system: definition.actor }, requestId: context.awsRequestId });
      });
    return (event, context) => withCorrelationId(correlationIdOf(definition.trigger, event, context), () => handler(event, context));
  };
