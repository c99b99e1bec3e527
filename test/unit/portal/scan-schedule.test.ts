import { describe, expect, it } from 'vitest';
import { checkOverdue, nextCheckIn } from '../../../portal/src/ui/scan-schedule.js';

describe('the portal: when it asks again whether files are checked for malware', () => {
  const confirmedAt = Date.parse('2026-05-04T10:00:00Z');

  it('asks every second for the first ten seconds after a confirmation, then every three', () => {
    expect(nextCheckIn(confirmedAt, confirmedAt)).toBe(1000);
    expect(nextCheckIn(confirmedAt, confirmedAt + 9_999)).toBe(1000);
    expect(nextCheckIn(confirmedAt, confirmedAt + 10_000)).toBe(3000);
    expect(nextCheckIn(confirmedAt, confirmedAt + 4 * 60_000)).toBe(3000);
  });

  it('stops waiting five minutes after a confirmation', () => {
    expect(checkOverdue(confirmedAt, confirmedAt + 5 * 60_000 - 1)).toBe(false);
    expect(checkOverdue(confirmedAt, confirmedAt + 5 * 60_000)).toBe(true);
  });
});
