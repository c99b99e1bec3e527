import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interleave, isReadyWork, readyAtAfter, WorkQueuePolicy, type WorkItem } from '../../../lib/domain/work-queue.js';
import { RequestStatus } from '../../../lib/domain/request.js';

const item = (orgId: string, requestId: string, rank: string, minute: number): WorkItem => ({
  orgId,
  requestId,
  rank,
  readyAt: new Date(Date.UTC(2026, 10, 24, 9, minute)).toISOString(),
});
const ids = (items: readonly WorkItem[]) => items.map((i) => i.requestId);

describe('the work queue’s statuses', () => {
  it('holds queued, in-progress and changes-requested work only', () => {
    expect(RequestStatus.options.filter(isReadyWork)).toEqual(['queued', 'in_progress', 'changes_requested']);
  });

  it('stamps the time work becomes ready, and keeps it while the work moves on', () => {
    expect(readyAtAfter('awaiting_payment', 'queued', 'now', undefined)).toBe('now');
    expect(readyAtAfter('in_review', 'changes_requested', 'now', 'then')).toBe('now');
    expect(readyAtAfter('queued', 'in_progress', 'now', 'then')).toBe('then');
    expect(readyAtAfter('in_progress', 'in_review', 'now', 'then')).toBe('then');
  });
});

describe('first come, first served (first-ready)', () => {
  it('takes the head whose request became ready first, then that organisation’s next one competes', () => {
    const work = [item('p', 'P1', 'a0', 1), item('p', 'P2', 'a1', 3), item('q', 'Q1', 'a0', 2), item('q', 'Q2', 'a1', 4)];
    expect(ids(interleave(work, 'first-ready'))).toEqual(['P1', 'Q1', 'P2', 'Q2']);
  });

  it('follows the client’s rank, not the ready time, within an organisation', () => {
    const work = [item('p', 'P-late', 'Zz', 9), item('p', 'P-early', 'a0', 1), item('q', 'Q1', 'a0', 5)];
    expect(ids(interleave(work, 'first-ready'))).toEqual(['Q1', 'P-late', 'P-early']);
  });

  it('breaks equal times by organisation, so every read gives the same queue', () => {
    const work = [item('q', 'Q1', 'a0', 1), item('p', 'P1', 'a0', 1)];
    expect(ids(interleave(work, 'first-ready'))).toEqual(['P1', 'Q1']);
  });
});

describe('round robin', () => {
  it('lets organisations take turns in the order their heads became ready', () => {
    const work = [item('p', 'P1', 'a0', 1), item('p', 'P2', 'a1', 2), item('p', 'P3', 'a2', 3), item('q', 'Q1', 'a0', 4)];
    expect(ids(interleave(work, 'round-robin'))).toEqual(['P1', 'Q1', 'P2', 'P3']);
    expect(ids(interleave(work, 'first-ready'))).toEqual(['P1', 'P2', 'P3', 'Q1']);
  });
});

describe('every policy', () => {
  const work = fc.array(
    fc.record({ orgId: fc.constantFrom('p', 'q', 'r'), rank: fc.constantFrom('Zz', 'a0', 'a0V', 'a1', 'b00'), minute: fc.integer({ min: 0, max: 59 }) }),
    { maxLength: 30 },
  );

  it.each(WorkQueuePolicy.options)('%s keeps every request once and each organisation in its rank order', (policy) => {
    fc.assert(
      fc.property(work, (raw) => {
        const items = raw.map((r, i) => item(r.orgId, `R${String(i).padStart(2, '0')}`, r.rank, r.minute));
        const result = interleave(items, policy);
        expect([...ids(result)].sort()).toEqual([...ids(items)].sort());
        for (const orgId of ['p', 'q', 'r']) {
          const line = result.filter((i) => i.orgId === orgId);
          const ranked = [...line].sort((a, b) => (a.rank === b.rank ? a.requestId.localeCompare(b.requestId) : a.rank < b.rank ? -1 : 1));
          expect(ids(line)).toEqual(ids(ranked));
        }
      }),
    );
  });
});
