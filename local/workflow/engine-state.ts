import type { Execution } from './execution.js';

export interface PendingTask {
  execution: string;
  state: string;
  until: Date;
  resolve: (output: unknown) => void;
  reject: (error: Error) => void;
  cancelWake: () => void;
}

/** What an engine remembers: its executions, the tasks waiting for a token, and the tokens that no longer wait. */
export interface EngineState {
  executions: Map<string, Execution>;
  pending: Map<string, PendingTask>;
  /** Tokens no longer waiting → what a late SendTaskSuccess is told. */
  closed: Map<string, 'TaskTimedOut' | 'TaskDoesNotExist'>;
  /** How many ended executions and closed tokens are remembered. */
  retain: number;
}

export const createEngineState = (retain: number): EngineState => ({ executions: new Map(), pending: new Map(), closed: new Map(), retain });
