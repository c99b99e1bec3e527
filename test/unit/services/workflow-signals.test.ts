import { describe, expect, it } from 'vitest';
import { currentCorrelationId, withCorrelationId } from '../../../lib/observability/correlation.js';
import { nudgeWorkflow } from '../../../lib/services/workflow/workflow-signals.js';
import { loggedBy } from '../../support/logs.js';
import { recordingMetrics } from '../../support/metrics.js';
import type { WorkflowDeps } from '../../../lib/services/ports/deps.js';

/** The workflow's signals on fakes: a request's workflow item, an engine that keeps what it was told. */
const world = (options: { waiting?: boolean; engineDown?: boolean } = {}) => {
  const started: string[] = [];
  const { metrics, counts } = recordingMetrics();
  const deps = {
    workflows: {
      get: async () => (options.waiting ? { requestId: '2026-0042', execution: '2026-0042-old-1', waiting: { stage: 'review', token: 't-1', since: '' } } : undefined),
      claim: () => ({ label: 'claim' }),
    },
    unitOfWork: { commit: async () => undefined },
    engine: {
      start: async (execution: string) => {
        if (options.engineDown) throw new Error('Step Functions is unavailable');
        started.push(execution);
      },
      report: async () => 'delivered' as const,
    },
    now: () => new Date('2026-11-25T10:00:00.000Z'),
    newId: () => 'abcdef12-0000',
    correlationId: currentCorrelationId,
    metrics,
  } as unknown as WorkflowDeps;
  return { deps, started, counts };
};

describe('telling the workflow of a change', () => {
  it('logs the execution it started with the action that started it', async () => {
    const { deps, started } = world();
    const { lines } = await loggedBy(() => withCorrelationId('JKJaXmPLvHcESHA=', () => nudgeWorkflow(deps, '2026-0042', 'in_review')));
    expect(started).toHaveLength(1);
    expect(lines).toEqual([expect.objectContaining({ message: 'workflow started', requestId: '2026-0042', execution: started[0], correlationId: 'JKJaXmPLvHcESHA=' })]);
  });

  it('logs the waiting execution it woke with the action that woke it', async () => {
    const { deps } = world({ waiting: true });
    const { lines } = await loggedBy(() => withCorrelationId('KLMbYnQMwIdFTIB=', () => nudgeWorkflow(deps, '2026-0042', 'accepted')));
    expect(lines).toEqual([expect.objectContaining({ message: 'workflow told of a change', execution: '2026-0042-old-1', correlationId: 'KLMbYnQMwIdFTIB=' })]);
  });

  it('counts a change the workflow could not be told of (the hourly takeover picks it up), and does not throw', async () => {
    const { deps, counts } = world({ engineDown: true });
    await nudgeWorkflow(deps, '2026-0042', 'in_review');
    expect(counts()).toEqual({ WorkflowNudgesFailed: 1 });
  });
});
