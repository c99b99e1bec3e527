import type { WaitPayload, WorkflowSignal } from '../../lib/workflow/states.js';
import type { BusinessClock } from './clock.js';
import type { EngineState } from './engine-state.js';
import { invokeFunction, type RunFunction } from './lambda-task.js';
import { closeTask, completeTask } from './pending-tasks.js';
import { executionOfToken } from './task-token.js';

export interface WaitTaskContext {
  state: EngineState;
  clock: Pick<BusinessClock, 'now' | 'at'>;
  runFunction: RunFunction;
}

/**
 * A wait state as lambda:invoke.waitForTaskToken: its function runs with the token, which stays
 * pending until SendTaskSuccess/SendTaskFailure or until the business clock reaches its timeout
 * (a `wake`).
 */
export const waitHandler =
  ({ state, clock, runFunction }: WaitTaskContext, stateName: string, functionName: string) =>
  async (input: unknown) => {
    const payload = (input as { Payload: WaitPayload }).Payload;
    const token = payload.token;
    const executionName = executionOfToken(token);
    const execution = executionName ? state.executions.get(executionName) : undefined;
    if (!execution) throw new Error(`${stateName}: a token of no execution`);
    const { promise, resolve, reject } = Promise.withResolvers<unknown>();
    // The checkpoint's instant, not now + timeout: a test may have moved the clock since the checkpoint.
    const until = new Date(Math.min(Date.parse(payload.wakeAt), clock.now().getTime() + payload.timeoutSeconds * 1000));
    // Registered before the function runs: it may complete its own token (the stage moved meanwhile).
    const cancelWake = clock.at(until, () => completeTask(state, token, { reason: 'wake' } satisfies WorkflowSignal), `${execution.name} ${stateName}`);
    state.pending.set(token, { execution: execution.name, state: stateName, until, resolve, reject, cancelWake });
    execution.token = token;
    execution.waiting = { state: stateName, until: until.toISOString() };
    try {
      await invokeFunction(runFunction, functionName, payload);
    } catch (error) {
      // The invocation failed: so does the task (retried on Lambda's transient errors as the definition says).
      if (state.pending.has(token)) {
        closeTask(state, token, 'TaskTimedOut');
        reject(error as Error);
      }
    }
    return promise;
  };
