import { inject } from 'vitest';
import * as z from 'zod';
import type { FunctionDefinition } from '../../lib/lambda/definition.js';

/** What Lambda answers for a function that threw. */
const FunctionError = z.object({ errorType: z.string(), errorMessage: z.string() });

export type Invocation<T> = { status: number; result: T; error?: undefined } | { status: number; result?: undefined; error: z.infer<typeof FunctionError> };

/**
 * Invokes a function of the function table through the local stack's Lambda Invoke API, as the
 * workflow or a trigger would in AWS. The event is typed by the entry (send anything with `raw`);
 * a result is parsed with the entry's output schema.
 */
export const invoke = async <I extends z.ZodType, O extends z.ZodType>(definition: FunctionDefinition<I, O>, event: z.input<I>): Promise<Invocation<z.output<O>>> => {
  const answer = await invokeRaw(definition.name, event);
  if (answer.functionError) return { status: answer.status, error: FunctionError.parse(answer.body) };
  return { status: answer.status, result: definition.schemas.output.parse(answer.body) };
};

/** Untyped: for events the entry's types forbid, and for names that are no entry. */
export const invokeRaw = async (name: string, event: unknown) => {
  const response = await fetch(`${inject('stack').lambdaUrl}/2015-03-31/functions/${encodeURIComponent(name)}/invocations`, { method: 'POST', body: JSON.stringify(event) });
  return { status: response.status, functionError: response.headers.get('x-amz-function-error'), errorType: response.headers.get('x-amzn-errortype'), body: (await response.json()) as unknown };
};
