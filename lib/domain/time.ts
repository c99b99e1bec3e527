/** DynamoDB TTL attributes and deadlines are epoch seconds. */
export const epochSeconds = (date: Date): number => Math.floor(date.getTime() / 1000);

export const addSeconds = (date: Date, seconds: number): Date => new Date(date.getTime() + seconds * 1000);

/**
 * Whether `now` has reached `end`: a window (an offer's validity, a review period, the time to
 * reopen an answer) is over from its end's instant on, whether or not the workflow has acted on it yet.
 */
export const hasEnded = (end: string, now: Date): boolean => now.getTime() >= Date.parse(end);

const pragueParts = (date: Date) => {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Prague',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return { year: value('year'), month: value('month'), day: value('day'), hour: value('hour'), minute: value('minute'), second: value('second') };
};

/** The calendar day in Prague at `date`: `2026-11-25`. */
export const pragueDate = (date: Date): string => {
  const { year, month, day } = pragueParts(date);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

/** `2026-03-27` + 7 → `2026-04-03`: calendar days, whatever the clocks do. */
export const addCalendarDays = (day: string, days: number): string => {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

/**
 * The instant a Prague wall-clock time happens on a calendar day (e.g. 23:59:59 on `2026-03-29`),
 * right across daylight-saving changes: Prague's offset is +1 or +2 hours, so the instant is one
 * of two candidates, the one whose Prague reading is the time asked for.
 */
export const pragueTime = (day: string, time: string): Date => {
  const [hour, minute, second] = time.split(':').map(Number);
  for (const offsetHours of [2, 1]) {
    const candidate = new Date(`${day}T${time}Z`);
    candidate.setUTCHours(candidate.getUTCHours() - offsetHours);
    const seen = pragueParts(candidate);
    if (pragueDate(candidate) === day && seen.hour === hour && seen.minute === minute && seen.second === (second ?? 0)) return candidate;
  }
  // A time that the spring change skips (02:30 on the last Sunday of March): an hour later.
  const fallback = new Date(`${day}T${time}Z`);
  fallback.setUTCHours(fallback.getUTCHours() - 1);
  return fallback;
};
