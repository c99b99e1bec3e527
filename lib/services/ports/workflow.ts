import type { WorkflowInput, WorkflowSignal } from '../../workflow/states.js';

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
