import { EngineError } from './engine-error.js';
import type { EngineState } from './engine-state.js';

/** The execution of that name, or ExecutionDoesNotExist naming its ARN under `executionPrefix`. */
export const foundExecution = ({ executions }: EngineState, executionPrefix: string, name: string) => {
  const execution = executions.get(name);
  if (!execution) throw new EngineError('ExecutionDoesNotExist', `Execution Does Not Exist: '${executionPrefix}:${name}'`);
  return execution;
};

/** `…:execution:<state machine>:<name>` → the name; another state machine's is none of ours. */
export const nameOfArn = (executionPrefix: string, executionArn: string) => {
  if (!executionArn.startsWith(`${executionPrefix}:`)) throw new EngineError('ExecutionDoesNotExist', `Execution Does Not Exist: '${executionArn}'`);
  return executionArn.slice(executionPrefix.length + 1);
};
