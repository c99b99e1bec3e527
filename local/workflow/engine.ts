import { StateMachine } from 'aws-local-stepfunctions';
import { waitStates, type WorkflowSignal } from '../../lib/workflow/states.js';
import type { LocalDefinition } from './asl.js';
import type { BusinessClock } from './clock.js';
import { endExecution } from './end-execution.js';
import { EngineError } from './engine-error.js';
import { createEngineState } from './engine-state.js';
import { foundExecution, nameOfArn } from './execution-arn.js';
import { view, type ExecutionView } from './execution.js';
import type { RunFunction } from './lambda-task.js';
import { closeTask, completeTask, refusalFor } from './pending-tasks.js';
import { startExecution } from './start-execution.js';
import { taskHandlers } from './task-handlers.js';

export { EngineError } from './engine-error.js';
export type { ExecutionStatus, ExecutionView } from './execution.js';
export type { RunFunction } from './lambda-task.js';

export interface LocalWorkflowEngineOptions {
  definition: LocalDefinition;
  clock: Pick<BusinessClock, 'now' | 'at'>;
  runFunction: RunFunction;
  log: (line: string) => void;
  /** How many ended executions and closed tokens are remembered (for DescribeExecution and late SendTaskSuccess). */
  retain?: number;
}

/**
 * Runs the request workflow's synthesized definition with aws-local-stepfunctions: every Task
 * state by its name (`taskResourceLocalHandlers`), Checkpoint and GenerateOrder as lambda:invoke
 * of their function, each wait as lambda:invoke.waitForTaskToken: its token pending until
 * SendTaskSuccess/SendTaskFailure, or until the business clock reaches its timeout (a `wake`,
 * back to Checkpoint as after States.Timeout). Tokens close as in AWS: a used or timed-out
 * task's is TaskTimedOut, an ended execution's TaskDoesNotExist.
 */
export const createLocalWorkflowEngine = (options: LocalWorkflowEngineOptions) => {
  const { definition, clock, runFunction, log } = options;
  const { stateMachineArn } = definition;
  const state = createEngineState(options.retain ?? 10_000);
  const executionPrefix = stateMachineArn.replace(':stateMachine:', ':execution:');
  const waitStateNames = new Set(waitStates.map((wait) => wait.state));
  const context = {
    state,
    log,
    waitStateNames,
    machine: new StateMachine(definition.definition),
    taskHandlers: taskHandlers({ state, clock, runFunction }, definition.taskFunctions, waitStateNames),
    stateMachineArn,
    stateMachineName: stateMachineArn.split(':').at(-1)!,
    executionPrefix,
  };
  const found = (name: string) => foundExecution(state, executionPrefix, name);

  return {
    stateMachineArn,
    /** StartExecution: `input` is the JSON text. */
    start: (name: string, input: string) => view(startExecution(context, name, input)),
    /** SendTaskSuccess: `output` is the JSON text. */
    sendTaskSuccess(token: string, output: string) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(output);
      } catch {
        throw new EngineError('InvalidOutput', 'Invalid Output: not JSON');
      }
      completeTask(state, token, parsed);
    },
    /** SendTaskFailure: the task fails with `error` (default `States.TaskFailed`), as the definition's Retry/Catch see it. */
    sendTaskFailure(token: string, error?: string, cause?: string) {
      const task = closeTask(state, token, 'TaskTimedOut');
      if (!task) throw refusalFor(state, token);
      task.reject(Object.assign(new Error(cause ?? '', { cause: cause ?? '' }), { name: error ?? 'States.TaskFailed' }));
    },
    describe: (executionArn: string) => view(found(nameOfArn(executionPrefix, executionArn))),
    describeByName: (name: string) => view(found(name)),
    /** StopExecution: ABORTED, its waiting task's token TaskDoesNotExist. */
    stop(executionArn: string, error?: string, cause?: string) {
      const execution = found(nameOfArn(executionPrefix, executionArn));
      if (execution.status === 'RUNNING') {
        const token = execution.token;
        const task = token ? state.pending.get(token) : undefined;
        execution.abort();
        endExecution(state, execution, 'ABORTED', { error, cause });
        // The run is over; its task must still settle, or its timeout timer keeps the process alive.
        task?.resolve({ reason: 'stale' } satisfies WorkflowSignal);
      }
      return { stopDate: execution.stopDate ?? new Date() };
    },
    list: (): ExecutionView[] => [...state.executions.values()].map(view),
    /** Resolves when the execution has ended (tests). */
    async ended(name: string): Promise<ExecutionView> {
      await found(name).done;
      return view(found(name));
    },
    /** Aborts every running execution and settles its waiting task, so nothing keeps the process alive. */
    async shutdown() {
      const running = [...state.executions.values()].filter((execution) => execution.status === 'RUNNING');
      for (const execution of running) {
        const task = execution.token ? state.pending.get(execution.token) : undefined;
        execution.abort();
        endExecution(state, execution, 'ABORTED', { error: 'Local.Shutdown', cause: 'the local stack stopped' });
        task?.resolve({ reason: 'stale' } satisfies WorkflowSignal);
      }
      await Promise.allSettled(running.map((execution) => execution.done));
    },
  };
};

export type LocalWorkflowEngine = ReturnType<typeof createLocalWorkflowEngine>;
