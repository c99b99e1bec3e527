import { describe, expect, it } from 'vitest';
import { ReviewReminderDays } from '../../../../lib/config/review-reminders.js';
import { averageOf } from '../../../../lib/domain/review/feedback.js';
import { handoverRefusal, type Handover } from '../../../../lib/domain/review/handover.js';

const handover: Handover = {
  requestId: '2026-0042',
  round: 2,
  notes: 'Hotovo.',
  attachmentIds: [],
  handedOverAt: '2026-12-02T13:00:00.000Z',
  handedOverBy: 'sub-eva',
  handedOverByName: 'Eva Agentová',
  reviewDeadline: '2026-12-09T22:59:59.000Z',
};
const during = new Date('2026-12-05T10:00:00Z');

describe('a client’s decision on a handover', () => {
  it('may be taken on the round under review, before its deadline', () => {
    expect(handoverRefusal(handover, 2, during)).toBeUndefined();
    expect(handoverRefusal(handover, 2, new Date('2026-12-09T22:59:58.999Z'))).toBeUndefined();
  });

  it('is refused from the deadline on: the delivery is deemed accepted', () => {
    expect(handoverRefusal(handover, 2, new Date(handover.reviewDeadline))).toBe('window_ended');
  });

  it('is refused on a round that is not under review, or that ended already', () => {
    expect(handoverRefusal(handover, 3, during)).toBe('not_current');
    expect(handoverRefusal(handover, undefined, during)).toBe('not_current');
    expect(handoverRefusal({ ...handover, outcome: { decision: 'deemed', at: handover.reviewDeadline } }, 2, during)).toBe('decided');
  });
});

describe('ratings', () => {
  it('average to two decimals, none without ratings', () => {
    expect(averageOf({ count: 3, total: 13 })).toBe(4.33);
    expect(averageOf({ count: 0, total: 0 })).toBeUndefined();
  });
});

describe('the review reminder days a stage configures', () => {
  it('take days 0 (the last) to 6 before the deadline’s day, each once', () => {
    expect(ReviewReminderDays.parse([2, 0])).toEqual([2, 0]);
    expect(ReviewReminderDays.parse([])).toEqual([]);
    expect(ReviewReminderDays.safeParse([7]).success).toBe(false);
    expect(ReviewReminderDays.safeParse([-1]).success).toBe(false);
    expect(ReviewReminderDays.safeParse([1.5]).success).toBe(false);
    expect(ReviewReminderDays.safeParse([2, 2]).success).toBe(false);
  });
});
