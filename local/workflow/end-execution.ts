import type { EngineState } from './engine-state.js';
import type { Execution, ExecutionStatus } from './execution.js';
import { closeTask } from './pending-tasks.js';

/** Ends a running execution: its waiting tasks' tokens no longer exist; the oldest ended ones past `retain` are forgotten. */
export const endExecution = (state: EngineState, execution: Execution, status: ExecutionStatus, details: { output?: string; error?: string; cause?: string } = {}) => {
  if (execution.status !== 'RUNNING') return;
  Object.assign(execution, { status, stopDate: new Date(), state: undefined, waiting: undefined }, details);
  for (const [token, task] of state.pending) if (task.execution === execution.name) closeTask(state, token, 'TaskDoesNotExist');
  const ended = [...state.executions.values()].filter((e) => e.status !== 'RUNNING');
  for (const old of ended.slice(0, Math.max(0, ended.length - state.retain))) state.executions.delete(old.name);
};
