import * as z from 'zod';
import { defaultReviewReminderDays, maxReminderDaysBefore } from '../domain/review/review-window.js';
import { EnvName, jsonText, readEnv } from './env.js';

/** Days before a review deadline's day on which the client is reminded (0 = the last day), e.g. `[2, 0]`. */
export const ReviewReminderDays = z
  .array(z.number().int().min(0).max(maxReminderDaysBefore, `must be at most ${maxReminderDaysBefore}: a reminder falls on a day after the handover's`))
  .max(maxReminderDaysBefore + 1)
  .refine((days) => new Set(days).size === days.length, 'must not name a day twice');

/** The stage's review reminders (`-c reviewReminderDays=2,0`), or the default when it names none. */
export const reviewReminderDaysFromEnvironment = (): readonly number[] =>
  process.env[EnvName.reviewReminderDays] === undefined ? defaultReviewReminderDays : readEnv(EnvName.reviewReminderDays, jsonText(ReviewReminderDays));
