import { ExecutionAbortedError, ExecutionError, type StateMachine } from 'aws-local-stepfunctions';
import { endExecution } from './end-execution.js';
import { EngineError } from './engine-error.js';
import { drain, type EventLogContext } from './event-log.js';
import type { Execution } from './execution.js';
import type { TaskHandlers } from './task-handlers.js';
import { mintToken } from './task-token.js';

export interface StartContext extends EventLogContext {
  machine: StateMachine;
  taskHandlers: TaskHandlers;
  stateMachineArn: string;
  stateMachineName: string;
  /** The state machine's ARN as its executions' ARNs begin (`…:execution:<state machine>`). */
  executionPrefix: string;
}

/** Step Functions refuses these in execution names (and whitespace, control characters); 80 at most. */
const invalidName = /[\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]/;

const canonical = (text: string) => JSON.stringify(JSON.parse(text));

/** StartExecution: runs the definition with `input` (JSON text), its events read and its end recorded as they come. */
export const startExecution = (context: StartContext, name: string, input: string) => {
  const { state, machine, taskHandlers, stateMachineArn, stateMachineName, executionPrefix, log } = context;
  if (!name || name.length > 80 || invalidName.test(name)) throw new EngineError('InvalidName', `Invalid Name: '${name}'`);
  let inputText: string;
  try {
    inputText = canonical(input);
  } catch {
    throw new EngineError('InvalidExecutionInput', 'Invalid State Machine Execution Input: not JSON');
  }
  const existing = state.executions.get(name);
  if (existing) {
    // AWS: the same name and input while it runs is the same execution; anything else a conflict.
    if (existing.status === 'RUNNING' && existing.input === inputText) return existing;
    throw new EngineError('ExecutionAlreadyExists', `Execution Already Exists: '${existing.executionArn}'`);
  }
  const executionArn = `${executionPrefix}:${name}`;
  const startDate = new Date();
  const run = machine.run(JSON.parse(inputText) as never, {
    overrides: { taskResourceLocalHandlers: taskHandlers },
    context: {
      Execution: { Id: executionArn, Name: name, RoleArn: `arn:aws:iam::000000000000:role/${stateMachineName}`, StartTime: startDate.toISOString() },
      StateMachine: { Id: stateMachineArn, Name: stateMachineName },
      // Read once per Task entry (its Parameters): a fresh token each time, as each task attempt has in AWS.
      Task: {
        get Token() {
          return mintToken(name);
        },
      },
    },
  });
  const execution: Execution = { executionArn, stateMachineArn, name, status: 'RUNNING', startDate, input: inputText, transitions: 0, abort: run.abort, done: Promise.resolve() };
  state.executions.set(name, execution);
  const drained = drain(context, execution, run.eventLogs).catch((error: unknown) => log(`workflow ${name}: its events could not be read: ${String(error)}`));
  execution.done = run.result.then(
    (output) => endExecution(state, execution, 'SUCCEEDED', { output: JSON.stringify(output) }),
    async (error: unknown) => {
      if (error instanceof ExecutionAbortedError) return endExecution(state, execution, 'ABORTED');
      await drained;
      const caught = error instanceof ExecutionError && error.cause instanceof Error ? error.cause : error instanceof Error ? error : new Error(String(error));
      const errorName = execution.error ?? caught.name;
      const cause = execution.cause ?? (typeof caught.cause === 'string' ? caught.cause : caught.message);
      const at = execution.state;
      endExecution(state, execution, 'FAILED', { error: errorName, cause });
      log(`workflow ${name} FAILED in ${at ?? 'its definition'}: ${errorName}: ${cause.length > 1000 ? `${cause.slice(0, 1000)}…` : cause}`);
    },
  );
  return execution;
};
