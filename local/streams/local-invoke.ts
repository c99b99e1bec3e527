import type { DynamoDBStreamEvent } from 'aws-lambda';
import { localFunctions, timeoutError } from '../handler-module.js';

/** Invokes a function with a batch; what it returns is its answer, what it throws fails the batch. */
export type StreamInvoke = (functionName: string, event: DynamoDBStreamEvent) => Promise<unknown>;

/** The local counterpart of the default invocation: the function's own module, with its timeout. */
export const localInvoke = (): StreamInvoke => {
  const run = localFunctions();
  return async (name, event) => {
    const outcome = await run(name, event);
    if (outcome.timedOut) throw timeoutError();
    return outcome.result;
  };
};
