import { EngineError } from './engine-error.js';
import type { EngineState } from './engine-state.js';

/** A map that forgets its oldest entries past `limit`. */
const bounded = <K, V>(map: Map<K, V>, limit: number) => {
  while (map.size > limit) map.delete(map.keys().next().value as K);
};

/** Ends a pending task's wait (not its promise): gives it back, or nothing if it was not pending. */
export const closeTask = ({ executions, pending, closed, retain }: EngineState, token: string, reason: 'TaskTimedOut' | 'TaskDoesNotExist') => {
  const task = pending.get(token);
  if (!task) return undefined;
  pending.delete(token);
  task.cancelWake();
  const execution = executions.get(task.execution);
  if (execution?.token === token) {
    execution.token = undefined;
    execution.waiting = undefined;
  }
  closed.set(token, reason);
  bounded(closed, retain);
  return task;
};

export const refusalFor = ({ closed }: EngineState, token: string): EngineError => {
  const reason = closed.get(token);
  if (reason === 'TaskTimedOut') return new EngineError('TaskTimedOut', "Task Timed Out: 'Provided task does not exist anymore'");
  if (reason === 'TaskDoesNotExist') return new EngineError('TaskDoesNotExist', 'Task does not exist anymore');
  return new EngineError('InvalidToken', 'Invalid Token');
};

/** Completes a pending task with `output` (SendTaskSuccess, or the clock's wake). */
export const completeTask = (state: EngineState, token: string, output: unknown) => {
  const task = closeTask(state, token, 'TaskTimedOut');
  if (!task) throw refusalFor(state, token);
  task.resolve(output);
};
