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

describe('the windows a step opens', () => {
  it('opens the next review round at a handover, with its deadline 7 calendar days later at 23:59:59 Prague', () => {
    const first = afterTransition({ ...request, status: 'in_progress' }, 'in_review', at);
    expect(first).toMatchObject({ round: 1, reviewDeadline: '2026-12-02T22:59:59.000Z' });
    const second = afterTransition({ ...first, status: 'in_progress', reviewDeadline: undefined }, 'in_review', '2026-12-05T10:00:00.000Z');
    expect(second).toMatchObject({ round: 2, reviewDeadline: '2026-12-12T22:59:59.000Z' });
  });

  it('closes the review window when the review ends, and keeps the round', () => {
    const inReview = afterTransition({ ...request, status: 'in_progress' }, 'in_review', at);
    for (const to of ['accepted', 'changes_requested'] as const) {
      const after = afterTransition(inReview, to, at);
      expect(after.round).toBe(1);
      expect('reviewDeadline' in after).toBe(false);
    }
  });

  it('gives an answer 7 days to be reopened, and drops that window when it is reopened or closed', () => {
    const answered = afterTransition({ ...request, status: 'submitted', type: 'defect' }, 'answered', at);
    expect(answered.reopenUntil).toBe('2026-12-02T22:59:59.000Z');
    expect('reopenUntil' in afterTransition(answered, 'clarifying', at)).toBe(false);
    expect('reopenUntil' in afterTransition(answered, 'closed', at)).toBe(false);
  });

  it('keeps a posted offer as the open one while quoted, replaces it with a revision, and drops it on any other step', () => {
    const first = { number: 1, free: false, validUntil: '2026-12-25T10:00:00.000Z' };
    const quoted = afterTransition({ ...request, status: 'clarifying' }, 'quoted', at, { openOffer: first });
    expect(quoted.openOffer).toEqual(first);
    const revision = { number: 2, free: true, validUntil: '2026-12-26T10:00:00.000Z' };
    expect(afterTransition(quoted, 'quoted', at, { openOffer: revision }).openOffer).toEqual(revision);
    for (const to of ['awaiting_payment', 'queued', 'clarifying', 'offer_expired', 'cancelled'] as const) expect('openOffer' in afterTransition(quoted, to, at)).toBe(false);
    // Only a step to quoted leaves an offer open.
    expect('openOffer' in afterTransition({ ...request, status: 'queued' }, 'in_progress', at, { openOffer: first })).toBe(false);
  });

  it('assigns work to the agency person who starts it, unless someone has it already', () => {
    expect(afterTransition({ ...request, status: 'queued' }, 'in_progress', at, { agencyUserId: 'sub-eva' }).assigneeId).toBe('sub-eva');
    expect(afterTransition({ ...request, status: 'queued', assigneeId: 'sub-tom' }, 'in_progress', at, { agencyUserId: 'sub-eva' }).assigneeId).toBe('sub-tom');
    expect(afterTransition({ ...request, status: 'queued' }, 'in_progress', at).assigneeId).toBeUndefined();
    expect(afterTransition({ ...request, status: 'in_progress' }, 'in_review', at, { agencyUserId: 'sub-eva' }).assigneeId).toBeUndefined();
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
