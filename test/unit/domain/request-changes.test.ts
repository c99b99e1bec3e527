import { describe, expect, it } from 'vitest';
import { afterAssignment, afterTransition, placesOf } from '../../../lib/domain/request-changes.js';
import type { Request } from '../../../lib/domain/request.js';

const request: Request = {
  requestId: '2026-0042',
  orgId: 'org-acme',
  type: 'inquiry',
  title: 'Nový e-shop',
  description: 'Košík',
  platform: 'azami',
  status: 'awaiting_payment',
  version: 4,
  createdBy: 'sub-jana',
  createdAt: '2026-11-20T09:00:00.000Z',
  updatedAt: '2026-11-21T09:00:00.000Z',
  rank: 'a1',
};
const at = '2026-11-25T10:00:00.000Z';

describe('the next state of a request after a lifecycle step', () => {
  it('takes the new status, bumps the version and stamps the time', () => {
    expect(afterTransition(request, 'queued', at)).toMatchObject({ status: 'queued', version: 5, updatedAt: at });
  });

  it('becomes ready work when it enters a work status, keeping its place in its client’s queue', () => {
    const queued = afterTransition(request, 'queued', at);
    expect(queued).toMatchObject({ readyAt: at, rank: 'a1' });
    expect(placesOf(queued)).toEqual({ clientQueue: 'a1', readyWork: at });
  });

  it('keeps its place in line while the work moves between work statuses', () => {
    const started = afterTransition({ ...request, status: 'queued', readyAt: '2026-11-22T08:00:00.000Z' }, 'in_progress', at);
    expect(placesOf(started)).toEqual({ clientQueue: 'a1', readyWork: '2026-11-22T08:00:00.000Z' });
  });

  it('leaves ready work for review but stays in its client’s queue', () => {
    const inReview = afterTransition({ ...request, status: 'in_progress', readyAt: '2026-11-22T08:00:00.000Z' }, 'in_review', at);
    expect(placesOf(inReview)).toEqual({ clientQueue: 'a1' });
  });

  it('leaves its client’s queue once finished, and drops its rank', () => {
    const cancelled = afterTransition({ ...request, status: 'submitted' }, 'cancelled', at);
    expect(cancelled.rank).toBeUndefined();
    expect('rank' in cancelled).toBe(false);
    expect(placesOf(cancelled)).toEqual({});
  });

  it('does not change the request it was given', () => {
    const before = structuredClone(request);
    afterTransition(request, 'cancelled', at);
    expect(request).toEqual(before);
  });
});

describe('the next state of a request after an assignment', () => {
  it('sets or clears the assignee and counts as a change', () => {
    const assigned = afterAssignment(request, 'sub-eva', at);
    expect(assigned).toMatchObject({ assigneeId: 'sub-eva', version: 5, updatedAt: at, status: 'awaiting_payment' });
    const cleared = afterAssignment(assigned, undefined, at);
    expect('assigneeId' in cleared).toBe(false);
    expect(cleared.version).toBe(6);
  });
});
