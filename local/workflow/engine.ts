import { randomBytes } from 'node:crypto';
import { ExecutionAbortedError, ExecutionError, StateMachine, type RunOptions } from 'aws-local-stepfunctions';
import { waitStates, type WaitPayload, type WorkflowSignal } from '../../lib/workflow/states.js';
import type { LocalRun } from '../handler-module.js';
import type { LocalDefinition } from './asl.js';
import type { BusinessClock } from './clock.js';

/** Runs a function-table entry's handler module as Lambda would (`localFunctions()`; tests give stubs). */
export type RunFunction = (name: string, event: unknown) => Promise<LocalRun>;

/** A refusal as Step Functions words it: its error type (`TaskTimedOut`, `ExecutionDoesNotExist`…), HTTP status and message. */
export class EngineError extends Error {
  override readonly name = 'EngineError';
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED';

/** DescribeExecution's answer, plus where a running execution is (local only). */
export interface ExecutionView {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  status: ExecutionStatus;
  startDate: Date;
  stopDate?: Date;
  input: string;
  output?: string;
  error?: string;
  cause?: string;
  /** The state it is in (local only). */
  state?: string;
  /** States entered so far, retries included: what Standard executions are billed by (local only). */
  transitions: number;
  /** The task it waits in and until when, in business time (local only). */
  waiting?: { state: string; until: string };
}

interface Execution extends ExecutionView {
  abort: () => void;
  done: Promise<void>;
  /** Its pending task's token, while it waits. */
  token?: string;
}

interface PendingTask {
  execution: string;
  state: string;
  until: Date;
  resolve: (output: unknown) => void;
  reject: (error: Error) => void;
  cancelWake: () => void;
}

export interface LocalWorkflowEngineOptions {
  definition: LocalDefinition;
  clock: Pick<BusinessClock, 'now' | 'at'>;
  runFunction: RunFunction;
  log: (line: string) => void;
  /** How many ended executions and closed tokens are remembered (for DescribeExecution and late SendTaskSuccess). */
  retain?: number;
}

/** An error as a Lambda task fails with it: the function's error type, the cause as Lambda words it. */
const taskError = (errorType: string, errorMessage: string, trace?: string[]) =>
  Object.assign(new Error(errorMessage, { cause: JSON.stringify({ errorType, errorMessage, ...(trace ? { trace } : {}) }) }), { name: errorType });

/** What lambda:invoke returns (before ResultSelector): the function's answer in `Payload`. */
const invokeResult = (payload: unknown) => ({
  ExecutedVersion: '$LATEST',
  Payload: payload ?? null,
  SdkHttpMetadata: { HttpStatusCode: 200 },
  SdkResponseMetadata: {},
  StatusCode: 200,
});

/** Step Functions refuses these in execution names (and whitespace, control characters); 80 at most. */
const invalidName = /[\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]/;

const canonical = (text: string) => JSON.stringify(JSON.parse(text));

/** A token names its execution: `base64url({ e, n })`, opaque to its holder as in AWS. */
const mintToken = (execution: string) => Buffer.from(JSON.stringify({ e: execution, n: randomBytes(12).toString('base64url') })).toString('base64url');
const executionOfToken = (token: string): string | undefined => {
  try {
    const decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { e?: unknown };
    return typeof decoded.e === 'string' ? decoded.e : undefined;
  } catch {
    return undefined;
  }
};

/** A map that forgets its oldest entries past `limit`. */
const bounded = <K, V>(map: Map<K, V>, limit: number) => {
  while (map.size > limit) map.delete(map.keys().next().value as K);
};

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
  const retain = options.retain ?? 10_000;
  const machine = new StateMachine(definition.definition);
  const stateMachineName = definition.stateMachineArn.split(':').at(-1)!;
  const executionPrefix = definition.stateMachineArn.replace(':stateMachine:', ':execution:');
  const waitStateNames = new Set(waitStates.map((state) => state.state));

  const executions = new Map<string, Execution>();
  const pending = new Map<string, PendingTask>();
  /** Tokens no longer waiting → what a late SendTaskSuccess is told. */
  const closed = new Map<string, 'TaskTimedOut' | 'TaskDoesNotExist'>();

  /** Ends a pending task's wait (not its promise): gives it back, or nothing if it was not pending. */
  const close = (token: string, reason: 'TaskTimedOut' | 'TaskDoesNotExist') => {
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

  const refusalFor = (token: string): EngineError => {
    const reason = closed.get(token);
    if (reason === 'TaskTimedOut') return new EngineError('TaskTimedOut', "Task Timed Out: 'Provided task does not exist anymore'");
    if (reason === 'TaskDoesNotExist') return new EngineError('TaskDoesNotExist', 'Task does not exist anymore');
    return new EngineError('InvalidToken', 'Invalid Token');
  };

  const invoke = async (name: string, payload: unknown): Promise<unknown> => {
    let run: LocalRun;
    try {
      run = await runFunction(name, payload);
    } catch (error) {
      throw error instanceof Error ? taskError(error.name, error.message, error.stack?.split('\n')) : taskError('Error', String(error));
    }
    if (run.timedOut) throw taskError('Sandbox.Timedout', `Task timed out (${name})`);
    return run.result;
  };

  const waitHandler = (stateName: string, functionName: string) => async (input: unknown) => {
    const payload = (input as { Payload: WaitPayload }).Payload;
    const token = payload.token;
    const executionName = executionOfToken(token);
    const execution = executionName ? executions.get(executionName) : undefined;
    if (!execution) throw new Error(`${stateName}: a token of no execution`);
    const { promise, resolve, reject } = Promise.withResolvers<unknown>();
    // The checkpoint's instant, not now + timeout: a test may have moved the clock since the checkpoint.
    const until = new Date(Math.min(Date.parse(payload.wakeAt), clock.now().getTime() + payload.timeoutSeconds * 1000));
    // Registered before the function runs: it may complete its own token (the stage moved meanwhile).
    const cancelWake = clock.at(until, () => complete(token, { reason: 'wake' } satisfies WorkflowSignal), `${execution.name} ${stateName}`);
    pending.set(token, { execution: execution.name, state: stateName, until, resolve, reject, cancelWake });
    execution.token = token;
    execution.waiting = { state: stateName, until: until.toISOString() };
    try {
      await invoke(functionName, payload);
    } catch (error) {
      // The invocation failed: so does the task (retried on Lambda's transient errors as the definition says).
      if (pending.has(token)) {
        close(token, 'TaskTimedOut');
        reject(error as Error);
      }
    }
    return promise;
  };

  const taskHandlers: NonNullable<NonNullable<RunOptions['overrides']>['taskResourceLocalHandlers']> = {};
  for (const [stateName, functionName] of Object.entries(definition.taskFunctions)) {
    taskHandlers[stateName] = waitStateNames.has(stateName)
      ? (waitHandler(stateName, functionName) as never)
      : (async (input: unknown) => invokeResult(await invoke(functionName, (input as { Payload: unknown }).Payload))) as never;
  }

  /** Completes a pending task with `output` (SendTaskSuccess, or the clock's wake). */
  const complete = (token: string, output: unknown) => {
    const task = close(token, 'TaskTimedOut');
    if (!task) throw refusalFor(token);
    task.resolve(output);
  };

  const end = (execution: Execution, status: ExecutionStatus, details: { output?: string; error?: string; cause?: string } = {}) => {
    if (execution.status !== 'RUNNING') return;
    Object.assign(execution, { status, stopDate: new Date(), state: undefined, waiting: undefined }, details);
    for (const [token, task] of pending) if (task.execution === execution.name) close(token, 'TaskDoesNotExist');
    const ended = [...executions.values()].filter((e) => e.status !== 'RUNNING');
    for (const old of ended.slice(0, Math.max(0, ended.length - retain))) executions.delete(old.name);
  };

  /** Reads the run's events as they come (unread, they pile up): where it is, what failed, which token died. */
  const drain = async (execution: Execution, events: ReturnType<StateMachine['run']>['eventLogs']) => {
    for await (const event of events) {
      if (event.type === 'StateEntered') {
        execution.transitions++;
        if (execution.status === 'RUNNING') execution.state = event.state.name;
      }
      if (event.type === 'StateRetried') execution.transitions++;
      if (event.type === 'StateFailed' && waitStateNames.has(event.state.name) && execution.token) {
        // Timed out (States.Timeout) or failed: its token no longer waits.
        close(execution.token, 'TaskTimedOut');
      }
      if (event.type === 'StateRetried') log(`workflow ${execution.name}: ${event.state.name} retried (attempt ${event.retry.attempt + 1})`);
      if (event.type === 'ExecutionFailed') {
        execution.error = event.Error;
        execution.cause = typeof event.Cause === 'string' ? event.Cause : JSON.stringify(event.Cause);
      }
    }
  };

  const start = (name: string, input: string) => {
    if (!name || name.length > 80 || invalidName.test(name)) throw new EngineError('InvalidName', `Invalid Name: '${name}'`);
    let inputText: string;
    try {
      inputText = canonical(input);
    } catch {
      throw new EngineError('InvalidExecutionInput', 'Invalid State Machine Execution Input: not JSON');
    }
    const existing = executions.get(name);
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
        StateMachine: { Id: definition.stateMachineArn, Name: stateMachineName },
        // Read once per Task entry (its Parameters): a fresh token each time, as each task attempt has in AWS.
        Task: {
          get Token() {
            return mintToken(name);
          },
        },
      },
    });
    const execution: Execution = { executionArn, stateMachineArn: definition.stateMachineArn, name, status: 'RUNNING', startDate, input: inputText, transitions: 0, abort: run.abort, done: Promise.resolve() };
    executions.set(name, execution);
    const drained = drain(execution, run.eventLogs).catch((error: unknown) => log(`workflow ${name}: its events could not be read: ${String(error)}`));
    execution.done = run.result.then(
      (output) => end(execution, 'SUCCEEDED', { output: JSON.stringify(output) }),
      async (error: unknown) => {
        if (error instanceof ExecutionAbortedError) return end(execution, 'ABORTED');
        await drained;
        const caught = error instanceof ExecutionError && error.cause instanceof Error ? error.cause : error instanceof Error ? error : new Error(String(error));
        const errorName = execution.error ?? caught.name;
        const cause = execution.cause ?? (typeof caught.cause === 'string' ? caught.cause : caught.message);
        const state = execution.state;
        end(execution, 'FAILED', { error: errorName, cause });
        log(`workflow ${name} FAILED in ${state ?? 'its definition'}: ${errorName}: ${cause.length > 1000 ? `${cause.slice(0, 1000)}…` : cause}`);
      },
    );
    return execution;
  };

  const found = (name: string) => {
    const execution = executions.get(name);
    if (!execution) throw new EngineError('ExecutionDoesNotExist', `Execution Does Not Exist: '${executionPrefix}:${name}'`);
    return execution;
  };

  /** `…:execution:<state machine>:<name>` → the name; another state machine's is none of ours. */
  const nameOfArn = (executionArn: string) => {
    if (!executionArn.startsWith(`${executionPrefix}:`)) throw new EngineError('ExecutionDoesNotExist', `Execution Does Not Exist: '${executionArn}'`);
    return executionArn.slice(executionPrefix.length + 1);
  };

  const view = ({ abort: _abort, done: _done, token: _token, ...rest }: Execution): ExecutionView => ({ ...rest });

  return {
    stateMachineArn: definition.stateMachineArn,
    /** StartExecution: `input` is the JSON text. */
    start: (name: string, input: string) => view(start(name, input)),
    /** SendTaskSuccess: `output` is the JSON text. */
    sendTaskSuccess(token: string, output: string) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(output);
      } catch {
        throw new EngineError('InvalidOutput', 'Invalid Output: not JSON');
      }
      complete(token, parsed);
    },
    /** SendTaskFailure: the task fails with `error` (default `States.TaskFailed`), as the definition's Retry/Catch see it. */
    sendTaskFailure(token: string, error?: string, cause?: string) {
      const task = close(token, 'TaskTimedOut');
      if (!task) throw refusalFor(token);
      task.reject(Object.assign(new Error(cause ?? '', { cause: cause ?? '' }), { name: error ?? 'States.TaskFailed' }));
    },
    describe: (executionArn: string) => view(found(nameOfArn(executionArn))),
    describeByName: (name: string) => view(found(name)),
    /** StopExecution: ABORTED, its waiting task's token TaskDoesNotExist. */
    stop(executionArn: string, error?: string, cause?: string) {
      const execution = found(nameOfArn(executionArn));
      if (execution.status === 'RUNNING') {
        const token = execution.token;
        const task = token ? pending.get(token) : undefined;
        execution.abort();
        end(execution, 'ABORTED', { error, cause });
        // The run is over; its task must still settle, or its timeout timer keeps the process alive.
        task?.resolve({ reason: 'stale' } satisfies WorkflowSignal);
      }
      return { stopDate: execution.stopDate ?? new Date() };
    },
    list: (): ExecutionView[] => [...executions.values()].map(view),
    /** Resolves when the execution has ended (tests). */
    async ended(name: string): Promise<ExecutionView> {
      await found(name).done;
      return view(found(name));
    },
    /** Aborts every running execution and settles its waiting task, so nothing keeps the process alive. */
    async shutdown() {
      const running = [...executions.values()].filter((execution) => execution.status === 'RUNNING');
      for (const execution of running) {
        const task = execution.token ? pending.get(execution.token) : undefined;
        execution.abort();
        end(execution, 'ABORTED', { error: 'Local.Shutdown', cause: 'the local stack stopped' });
        task?.resolve({ reason: 'stale' } satisfies WorkflowSignal);
      }
      await Promise.allSettled(running.map((execution) => execution.done));
    },
  };
};

export type LocalWorkflowEngine = ReturnType<typeof createLocalWorkflowEngine>;
