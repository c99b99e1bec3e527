import type { WaitStage, WorkflowInput, WorkflowSignal } from '../../workflow/states.js';
import type { Write } from './common.js';

/**
 * The request workflow's engine as the services see it: Step Functions in AWS, the local engine
 * (`local/workflow/`) behind the same API locally. DynamoDB is the truth; the engine only runs
 * the loop that looks at it.
 */
export interface WorkflowEngine {
  /** Starts an execution of the workflow; one of that name with the same input already there is success. */
  start(executionName: string, input: WorkflowInput): Promise<void>;
  /**
   * Completes a waiting task (SendTaskSuccess). `stale`: the token no longer waits (timed out, its
   * execution ended, or unknown), which after a committed change means nothing is left to do.
   */
  report(token: string, signal: WorkflowSignal): Promise<'delivered' | 'stale'>;
  /** Whether the execution of that name runs; one that does not exist does not. */
  isRunning(executionName: string): Promise<boolean>;
}

/** The request's workflow: which execution owns it, and the token of the task waiting for it. */
export interface WorkflowRecord {
  requestId: string;
  execution: string;
  claimedAt: string;
  waiting?: { stage: WaitStage; token: string; since: string };
}

export interface WorkflowStore {
  get(requestId: string): Promise<WorkflowRecord | undefined>;
  /** Every request with a workflow, for a takeover after a restart. */
  list(): Promise<WorkflowRecord[]>;
  /** `execution` owns the request from now on (older executions find out and end). */
  claim(requestId: string, execution: string, at: string): Write;
  /** Stores a waiting task's token, if `execution` still owns the request. */
  wait(requestId: string, execution: string, waiting: NonNullable<WorkflowRecord['waiting']>): Write;
  /** The execution is done with the request, if it still owns it. */
  release(requestId: string, execution: string): Write;
  /** A reminder, at most once: a second one with the same name is a conflict. */
  remind(requestId: string, reminder: string, at: string): Write;
  /** The names of the request's reminders sent so far. */
  reminders(requestId: string): Promise<Set<string>>;
}
