import * as z from 'zod';

/** Whose ratings a summary counts: a client organisation's, or the agency person who handed the work over. */
export const FeedbackScope = z.enum(['organisation', 'agent']);
export type FeedbackScope = z.infer<typeof FeedbackScope>;

/** Every rating given in one scope, summed as it is given (one write per acceptance, one read for all). */
export const FeedbackSummary = z.object({
  scope: FeedbackScope,
  id: z.string().describe('The organisation’s or the agency person’s id'),
  name: z.string().describe('Their name when last rated'),
  count: z.number().int().nonnegative(),
  total: z.number().int().nonnegative().describe('The sum of the ratings'),
  stars: z.object({ 1: z.number().int(), 2: z.number().int(), 3: z.number().int(), 4: z.number().int(), 5: z.number().int() }).describe('How many ratings of each value'),
  lastRatedAt: z.iso.datetime(),
});
export type FeedbackSummary = z.infer<typeof FeedbackSummary>;

/** One rating as the summaries take it in. */
export interface RatingGiven {
  rating: number;
  at: string;
  organisation: { id: string; name: string };
  agent: { id: string; name: string };
}

/** The average rating to two decimals (none without ratings). */
export const averageOf = (summary: Pick<FeedbackSummary, 'count' | 'total'>): number | undefined =>
  summary.count === 0 ? undefined : Math.round((summary.total / summary.count) * 100) / 100;
