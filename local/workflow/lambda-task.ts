import type { LocalRun } from '../handler-module.js';

/** Runs a function-table entry's handler module as Lambda would (`localFunctions()`; tests give stubs). */
export type RunFunction = (name: string, event: unknown) => Promise<LocalRun>;

/** An error as a Lambda task fails with it: the function's error type, the cause as Lambda words it. */
const taskError = (errorType: string, errorMessage: string, trace?: string[]) =>
  Object.assign(new Error(errorMessage, { cause: JSON.stringify({ errorType, errorMessage, ...(trace ? { trace } : {}) }) }), { name: errorType });

/** What lambda:invoke returns (before ResultSelector): the function's answer in `Payload`. */
export const invokeResult = (payload: unknown) => ({
  ExecutedVersion: '$LATEST',
  Payload: payload ?? null,
  SdkHttpMetadata: { HttpStatusCode: 200 },
  SdkResponseMetadata: {},
  StatusCode: 200,
});

/** Invokes a function as a Lambda task: its answer, or what it threw or its timeout as the task's error. */
export const invokeFunction = async (runFunction: RunFunction, name: string, payload: unknown): Promise<unknown> => {
  let run: LocalRun;
  try {
    run = await runFunction(name, payload);
  } catch (error) {
    throw error instanceof Error ? taskError(error.name, error.message, error.stack?.split('\n')) : taskError('Error', String(error));
  }
  if (run.timedOut) throw taskError('Sandbox.Timedout', `Task timed out (${name})`);
  return run.result;
};
