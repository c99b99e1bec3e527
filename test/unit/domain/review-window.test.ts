import { describe, expect, it } from 'vitest';
import { reopenDeadlineOf, reviewDeadlineOf, reviewReminders, windowEnd } from '../../../lib/domain/review/review-window.js';

describe('the review window', () => {
  it('ends 7 calendar days after the handover, at 23:59:59 Prague time', () => {
    // Wednesday 2 December 2026, 14:00 Prague (winter time, UTC+1).
    expect(reviewDeadlineOf(new Date('2026-12-02T13:00:00Z')).toISOString()).toBe('2026-12-09T22:59:59.000Z');
  });

  it('ends on the right day at 23:59:59 for a handover on the Friday before daylight-saving time ends', () => {
    // Friday 23 October 2026, summer time (UTC+2); the clocks go back on Sunday the 25th: the deadline is in winter time.
    expect(reviewDeadlineOf(new Date('2026-10-23T08:00:00Z')).toISOString()).toBe('2026-10-30T22:59:59.000Z');
    // Late on the Friday in Prague is still that Friday, though it is already Saturday nowhere near.
    expect(reviewDeadlineOf(new Date('2026-10-23T21:30:00Z')).toISOString()).toBe('2026-10-30T22:59:59.000Z');
  });

  it('ends on the right day at 23:59:59 for a handover on the Friday before daylight-saving time starts', () => {
    // Friday 26 March 2027, winter time (UTC+1); the clocks go forward on Sunday the 28th: the deadline is in summer time.
    expect(reviewDeadlineOf(new Date('2027-03-26T09:00:00Z')).toISOString()).toBe('2027-04-02T21:59:59.000Z');
    // 23:30 Prague on that Friday is 22:30Z: still the Friday's window.
    expect(reviewDeadlineOf(new Date('2027-03-26T22:30:00Z')).toISOString()).toBe('2027-04-02T21:59:59.000Z');
  });

  it('counts the Prague calendar day of the handover, not the UTC one', () => {
    // 00:30 Prague on 3 December is still 2 December in UTC.
    expect(reviewDeadlineOf(new Date('2026-12-02T23:30:00Z')).toISOString()).toBe('2026-12-10T22:59:59.000Z');
  });

  it('gives an explained request 7 calendar days to be reopened, by the same rule', () => {
    expect(reopenDeadlineOf(new Date('2026-10-23T08:00:00Z'))).toEqual(windowEnd(new Date('2026-10-23T08:00:00Z'), 7));
  });
});

describe('review reminders', () => {
  it('fall at 9:00 Prague 2 days before the last day and on it, earliest first, across a daylight-saving change', () => {
    const deadline = reviewDeadlineOf(new Date('2026-10-23T08:00:00Z'));
    expect(reviewReminders(1, deadline, [0, 2])).toEqual([
      { name: 'review-1-d2', at: new Date('2026-10-28T08:00:00.000Z'), daysBefore: 2 },
      { name: 'review-1-d0', at: new Date('2026-10-30T08:00:00.000Z'), daysBefore: 0 },
    ]);
  });

  it('name the round, so the next round reminds again', () => {
    const deadline = reviewDeadlineOf(new Date('2026-12-02T13:00:00Z'));
    expect(reviewReminders(3, deadline, [2]).map((reminder) => reminder.name)).toEqual(['review-3-d2']);
  });
});
