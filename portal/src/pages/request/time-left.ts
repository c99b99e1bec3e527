import type { Language } from '../../words.js';

/** The person's time zone, as the dates here are shown in it. */
export const timeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The calendar day `ms` falls on in `zone`, counted in days since 1970, so two days subtract. */
const dayNumber = (ms: number, zone: string) => {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(new Date(ms));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(part('year'), part('month') - 1, part('day')) / 86_400_000;
};

/**
 * How long until `iso`, in words (`in 30 days`, `za 3 hodiny`); undefined once it passed. Beyond
 * two days it counts calendar days in the person's time zone, as the date shown beside it reads:
 * an offer valid "30 days from posting" says 30 right after posting (whole 24-hour days, rounded
 * down, said 29), and a deadline on Friday at 23:59 says "in 4 days" on Monday, not 5.
 */
export const timeLeft = (iso: string, language: Language, now = Date.now(), zone = timeZone()): string | undefined => {
  const end = new Date(iso).getTime();
  const ms = end - now;
  if (ms <= 0) return undefined;
  const format = new Intl.RelativeTimeFormat(language === 'cs' ? 'cs-CZ' : 'en-GB', { numeric: 'always' });
  const hours = ms / 3_600_000;
  if (hours < 1) return format.format(Math.max(1, Math.round(ms / 60_000)), 'minute');
  if (hours < 48) return format.format(Math.round(hours), 'hour');
  return format.format(dayNumber(end, zone) - dayNumber(now, zone), 'day');
};
