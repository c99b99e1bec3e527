import type { RunOptions } from 'aws-local-stepfunctions';
import { invokeFunction, invokeResult } from './lambda-task.js';
import { waitHandler, type WaitTaskContext } from './wait-task.js';

export type TaskHandlers = NonNullable<NonNullable<RunOptions['overrides']>['taskResourceLocalHandlers']>;

/** Every Task state by its name: a wait state's as waitForTaskToken, the others as lambda:invoke of their function. */
export const taskHandlers = (context: WaitTaskContext, taskFunctions: Record<string, string>, waitStateNames: ReadonlySet<string>): TaskHandlers => {
  const handlers: TaskHandlers = {};
  for (const [stateName, functionName] of Object.entries(taskFunctions)) {
    handlers[stateName] = waitStateNames.has(stateName)
      ? (waitHandler(context, stateName, functionName) as never)
      : (async (input: unknown) => invokeResult(await invokeFunction(context.runFunction, functionName, (input as { Payload: unknown }).Payload))) as never;
  }
  return handlers;
};
