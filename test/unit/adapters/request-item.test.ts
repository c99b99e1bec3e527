import { describe, expect, it } from 'vitest';
import { requestItem, requestUpdate } from '../../../lib/adapters/dynamodb/request-item.js';
import { afterAssignment, afterTransition } from '../../../lib/domain/request-changes.js';
import type { Request } from '../../../lib/domain/request.js';

const request: Request = {
  requestId: '2026-0042',
  orgId: 'org-acme',
  type: 'defect',
  title: 'Oprava přihlášení',
  description: 'Nejde to.',
  platform: 'digimadi',
  status: 'queued',
  version: 3,
  createdBy: 'sub-jana',
  createdAt: '2026-11-20T09:00:00.000Z',
  updatedAt: '2026-11-21T09:00:00.000Z',
  rank: 'a1',
  readyAt: '2026-11-21T09:00:00.000Z',
};
const at = '2026-11-25T10:00:00.000Z';

/** The attribute names an update sets and removes, resolved from its placeholders. */
const touched = (update: ReturnType<typeof requestUpdate>) => {
  const [setPart = '', removePart = ''] = update.UpdateExpression.replace(/^SET /, '').split(' REMOVE ');
  const name = (placeholder: string) => update.ExpressionAttributeNames[placeholder.trim()];
  const set = update.UpdateExpression.startsWith('SET') ? setPart.split(', ').map((assignment) => name(assignment.split(' = ')[0]!)) : [];
  const removed = update.UpdateExpression.startsWith('REMOVE') ? setPart.replace(/^REMOVE /, '') : removePart;
  return { set: set.sort(), remove: removed ? removed.split(', ').map(name).sort() : [] };
};

describe('the stored request item', () => {
  it('is in its client’s queue and in ready work exactly where the domain places it', () => {
    expect(requestItem(request)).toMatchObject({ gsi2pk: 'ORG#org-acme#QUEUE', gsi2sk: 'a1#2026-0042', gsi4pk: 'WORK', gsi4sk: `${request.readyAt}#2026-0042` });
    const finished = requestItem(afterTransition({ ...request, status: 'in_review' }, 'accepted', at));
    expect(finished).not.toHaveProperty('gsi2pk');
    expect(finished).not.toHaveProperty('gsi4pk');
  });
});

describe('the update between two states of a request', () => {
  it('writes only what changed, conditional on the version read', () => {
    const update = requestUpdate(request, afterTransition(request, 'in_progress', at));
    expect(touched(update)).toEqual({ set: ['status', 'updatedAt', 'version'], remove: [] });
    expect(update.ConditionExpression).toBe('#version = :read');
    expect(update.ExpressionAttributeValues[':read']).toBe(3);
  });

  it('removes the work index keys when the work is handed over for review', () => {
    const started = { ...request, status: 'in_progress' as const };
    expect(touched(requestUpdate(started, afterTransition(started, 'in_review', at))).remove).toEqual(['gsi4pk', 'gsi4sk']);
  });

  it('removes the queue index keys with the rank when the request finishes', () => {
    const inReview = { ...request, status: 'in_review' as const };
    expect(touched(requestUpdate(inReview, afterTransition(inReview, 'accepted', at))).remove).toEqual(['gsi2pk', 'gsi2sk', 'rank']);
  });

  it('adds the work index keys when the request becomes ready work', () => {
    const paid = { ...request, status: 'awaiting_payment' as const, readyAt: undefined };
    const update = requestUpdate(paid, afterTransition(paid, 'queued', at));
    expect(touched(update).set).toEqual(['gsi4pk', 'gsi4sk', 'readyAt', 'status', 'updatedAt', 'version']);
    expect(Object.values(update.ExpressionAttributeValues)).toContain(`${at}#2026-0042`);
  });

  it('never writes the rank unless the rank changed, so a concurrent move of the client’s order survives', () => {
    const update = requestUpdate(request, afterAssignment(request, 'sub-eva', at));
    expect(touched(update)).toEqual({ set: ['assigneeId', 'updatedAt', 'version'], remove: [] });
  });
});
