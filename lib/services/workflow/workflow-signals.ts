import { system, type Actor } from '../../domain/actor.js';
import { ConflictError } from '../../domain/errors.js';
import type { Request, RequestStatus } from '../../domain/request.js';
import { correlated } from '../../observability/correlation.js';
import { logger } from '../../observability/logger.js';
import { needsWorkflow } from '../../workflow/states.js';
import type { WorkflowDeps } from '../ports/deps.js';

/** A Step Functions execution name: the request, then what makes it unique (80 characters at most, `[A-Za-z0-9-_]`). */
export const executionNameOf = (requestId: string, at: Date, id: string): string => `${requestId}-${at.getTime().toString(36)}-${id.replace(/[^A-Za-z0-9]/g, '').slice(0, 8)}`;

/**
 * A fresh execution takes the request over: it claims the request first, so an older one that
 * wakes up ends. Logged with the action that started it: what the execution then writes is
 * `workflow:<execution>`'s (see lib/observability/correlation.ts), and this line links the two.
 */
export const startWorkflow = async (deps: WorkflowDeps, requestId: string): Promise<string> => {
  const now = deps.now();
  const execution = executionNameOf(requestId, now, deps.newId());
  await deps.unitOfWork.commit([deps.workflows.claim(requestId, execution, now.toISOString())]);
  await deps.engine.start(execution, { requestId });
  logger.info('workflow started', { requestId, execution, ...correlated(deps.correlationId()) });
  return execution;
};

/**
 * Tells the request's workflow that the request changed, after the change is committed
 * (DynamoDB is the truth; the workflow only looks again): the waiting task gets its token back,
 * or, with none waiting (none yet, or a token already used), a fresh execution takes over. A
 * failure here is logged, not thrown: the change stands, and the workflows' takeover sweep
 * (`resume-workflows`) starts what could not be started now.
 */
export const nudgeWorkflow = async (deps: WorkflowDeps, requestId: string, status: RequestStatus): Promise<void> => {
  try {
    const record = await deps.workflows.get(requestId);
    if (record?.waiting && (await deps.engine.report(record.waiting.token, { reason: 'changed' })) === 'delivered') {
      logger.info('workflow told of a change', { requestId, status, execution: record.execution, ...correlated(deps.correlationId()) });
      return;
    }
    if (needsWorkflow(status)) await startWorkflow(deps, requestId);
  } catch (error) {
    deps.metrics.count('WorkflowNudgesFailed');
    logger.error('the workflow was not told of a change; the takeover sweep will pick the request up', { requestId, status, error });
  }
};

/**
 * A caller came after a window ended that the workflow has not acted on yet (a review's deadline,
 * an answer's time to reopen): the step the deadline calls for is taken now, by the timer, and the
 * workflow is told, so what happens at a deadline never depends on when the workflow wakes. A
 * step the workflow took a moment ago (the conflict) is already done. The caller's own decision
 * is refused by its service.
 */
export const takeLapsedStep = async (deps: WorkflowDeps, requestId: string, step: (actor: Actor) => Promise<Request>): Promise<void> => {
  try {
    const after = await step(system('timer'));
    await nudgeWorkflow(deps, requestId, after.status);
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
  }
};
