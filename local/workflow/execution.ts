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

export interface Execution extends ExecutionView {
  abort: () => void;
  done: Promise<void>;
  /** Its pending task's token, while it waits. */
  token?: string;
}

export const view = ({ abort: _abort, done: _done, token: _token, ...rest }: Execution): ExecutionView => ({ ...rest });
