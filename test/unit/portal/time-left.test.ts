import { describe, expect, it } from 'vitest';
import { timeLeft } from '../../../portal/src/pages/request/time-left.js';

const at = (iso: string) => new Date(iso).getTime();
const day = 86_400_000;

describe('how long is left, as the client reads it beside a date', () => {
  it('says 30 days for an offer valid 30 days from posting, right after it was posted, in both languages', () => {
    const posted = at('2026-11-02T09:15:00Z');
    const validUntil = new Date(posted + 30 * day).toISOString();
    const read = posted + 4_000; // the client opened it four seconds later
    expect(timeLeft(validUntil, 'en', read, 'Europe/Prague')).toBe('in 30 days');
    expect(timeLeft(validUntil, 'cs', read, 'Europe/Prague')).toBe('za 30 dní');
  });

  it('counts the calendar days to the date shown, in the person’s time zone', () => {
    // Monday 10:00 in Prague to Friday 23:59: four days, though it is 4 days and 14 hours.
    expect(timeLeft('2026-11-13T22:59:00Z', 'en', at('2026-11-09T09:00:00Z'), 'Europe/Prague')).toBe('in 4 days');
    // The same two moments on either side of midnight in New York, not in Prague.
    const now = at('2026-11-09T23:30:00Z'); // 18:30 in New York, 00:30 the next day in Prague
    const end = '2026-11-12T01:00:00Z'; // 20:00 in New York, 02:00 in Prague
    expect(timeLeft(end, 'en', now, 'America/New_York')).toBe('in 2 days');
    expect(timeLeft(end, 'en', now, 'Europe/Prague')).toBe('in 2 days');
    expect(timeLeft('2026-11-12T05:30:00Z', 'en', now, 'America/New_York')).toBe('in 3 days');
    expect(timeLeft('2026-11-12T05:30:00Z', 'en', now, 'Europe/Prague')).toBe('in 2 days');
  });

  it('keeps counting whole days across a change to summer time', () => {
    const posted = at('2026-03-10T09:00:00Z'); // 10:00 in Prague, 11:00 after the change on 29 March
    expect(timeLeft(new Date(posted + 30 * day).toISOString(), 'en', posted + 1_000, 'Europe/Prague')).toBe('in 30 days');
  });

  it('says hours under two days, minutes under an hour, and nothing once the moment passed', () => {
    const now = at('2026-11-09T09:00:00Z');
    expect(timeLeft('2026-11-10T12:00:00Z', 'en', now, 'Europe/Prague')).toBe('in 27 hours');
    expect(timeLeft('2026-11-10T12:00:00Z', 'cs', now, 'Europe/Prague')).toBe('za 27 hodin');
    expect(timeLeft('2026-11-09T09:20:00Z', 'en', now, 'Europe/Prague')).toBe('in 20 minutes');
    expect(timeLeft('2026-11-09T09:00:00Z', 'en', now, 'Europe/Prague')).toBeUndefined();
  });
});
