import { addCalendarDays, hasEnded, pragueDate, pragueTime } from '../time.js';

/** Seed step 6: the client has 7 calendar days to accept a handover or ask for changes. */
export const reviewDays = 7;
/** An explained defect may be reopened for as long, then it closes by itself. */
export const reopenDays = 7;

/**
 * The end of a window of `days` calendar days that starts at `from`: 23:59:59 Prague time on the
 * `days`-th calendar day after the one `from` falls on in Prague, whatever the clocks do in
 * between (a window across a daylight-saving change is an hour longer or shorter, not a day).
 */
export const windowEnd = (from: Date, days: number): Date => pragueTime(addCalendarDays(pragueDate(from), days), '23:59:59');

/** When the review of a delivery handed over at `handedOverAt` ends: no answer by then is a deemed acceptance. */
export const reviewDeadlineOf = (handedOverAt: Date): Date => windowEnd(handedOverAt, reviewDays);

/** Until when an explained request may be reopened. */
export const reopenDeadlineOf = (answeredAt: Date): Date => windowEnd(answeredAt, reopenDays);

/** A review period is over at its deadline: no client decision counts after it (the delivery is deemed accepted). */
export const reviewEnded = (reviewDeadline: string, now: Date): boolean => hasEnded(reviewDeadline, now);

/** An answer may be reopened until `reopenUntil` (none: no limit known); after it, it closes by itself. */
export const reopenEnded = (reopenUntil: string | undefined, now: Date): boolean => reopenUntil !== undefined && hasEnded(reopenUntil, now);

/** The default review reminders, in days before the deadline's day: two days before, and on the last day. */
export const defaultReviewReminderDays: readonly number[] = [2, 0];

/** A reminder may fall on any day of the window after the handover's: 0 (the last day) to 6 days before it. */
export const maxReminderDaysBefore = reviewDays - 1;

/** A review reminder is sent in the morning (Prague) of its day, when people read mail. */
const reminderTime = '09:00:00';

export interface ReviewReminder {
  /** Unique per request: the round and the day (`review-2-d0`), so each is sent at most once. */
  name: string;
  at: Date;
  daysBefore: number;
}

/**
 * The reminders of one review round, earliest first: at 09:00 Prague on each configured day
 * before the deadline's day (0 = the last day, at most `maxReminderDaysBefore`, so each falls on
 * a day after the handover's).
 */
export const reviewReminders = (round: number, deadline: Date, daysBefore: readonly number[]): ReviewReminder[] => {
  const lastDay = pragueDate(deadline);
  return [...new Set(daysBefore)]
    .map((days) => ({ name: `review-${round}-d${days}`, at: pragueTime(addCalendarDays(lastDay, -days), reminderTime), daysBefore: days }))
    .filter((reminder) => reminder.daysBefore >= 0 && reminder.daysBefore <= maxReminderDaysBefore)
    .sort((a, b) => a.at.getTime() - b.at.getTime());
};
