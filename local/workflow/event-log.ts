import type { StateMachine } from 'aws-local-stepfunctions';
import type { EngineState } from './engine-state.js';
import type { Execution } from './execution.js';
import { closeTask } from './pending-tasks.js';

export interface EventLogContext {
  state: EngineState;
  waitStateNames: ReadonlySet<string>;
  log: (line: string) => void;
}

/** Reads the run's events as they come (unread, they pile up): where it is, what failed, which token died. */
export const drain = async ({ state, waitStateNames, log }: EventLogContext, execution: Execution, events: ReturnType<StateMachine['run']>['eventLogs']) => {
  for await (const event of events) {
    if (event.type === 'StateEntered') {
      execution.transitions++;
      if (execution.status === 'RUNNING') execution.state = event.state.name;
    }
    if (event.type === 'StateRetried') execution.transitions++;
    if (event.type === 'StateFailed' && waitStateNames.has(event.state.name) && execution.token) {
      // Timed out (States.Timeout) or failed: its token no longer waits.
      closeTask(state, execution.token, 'TaskTimedOut');
    }
    if (event.type === 'StateRetried') log(`workflow ${execution.name}: ${event.state.name} retried (attempt ${event.retry.attempt + 1})`);
    if (event.type === 'ExecutionFailed') {
      execution.error = event.Error;
      execution.cause = typeof event.Cause === 'string' ? event.Cause : JSON.stringify(event.Cause);
    }
  }
};
