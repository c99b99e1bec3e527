import * as z from 'zod';
import { reviewEnded } from './review-window.js';

/** A client's rating of a delivery at its acceptance: 1 (poor) to 5 (excellent). */
export const Rating = z.number().int().min(1).max(5);

const Decided = z.object({ userId: z.string(), name: z.string(), at: z.iso.datetime(), ip: z.string(), userAgent: z.string() });

/**
 * How a review round ended: accepted by the client (with a rating, if they gave one), changes
 * requested (with the client's comments), or deemed accepted because the window passed.
 */
export const ReviewOutcome = z.discriminatedUnion('decision', [
  Decided.extend({ decision: z.literal('accepted'), rating: Rating.optional(), comment: z.string().optional() }),
  Decided.extend({ decision: z.literal('changes_requested'), comments: z.string(), attachmentIds: z.array(z.string()) }),
  z.object({ decision: z.literal('deemed'), at: z.iso.datetime() }),
]);
export type ReviewOutcome = z.infer<typeof ReviewOutcome>;

/** One handover of the work for review: round 1, then 2, … after each request for changes. */
export const Handover = z.object({
  requestId: z.string(),
  round: z.number().int().positive(),
  notes: z.string().describe('What was done and how to check it (Markdown)'),
  link: z.url().optional().describe('Where to see the work, e.g. a staging site'),
  attachmentIds: z.array(z.string()),
  handedOverAt: z.iso.datetime(),
  handedOverBy: z.string(),
  handedOverByName: z.string(),
  /** 23:59:59 Prague, 7 calendar days after the handover (see review-window.ts). */
  reviewDeadline: z.iso.datetime(),
  outcome: ReviewOutcome.optional(),
});
export type Handover = z.infer<typeof Handover>;

export type HandoverRefusal = 'not_current' | 'decided' | 'window_ended';

/**
 * Why a client's decision on round `round` can't be taken now, if it can't: the round is not the
 * one under review, it was decided already, or its window ended (the delivery is then deemed
 * accepted, whatever arrives later).
 */
export const handoverRefusal = (handover: Handover, currentRound: number | undefined, now: Date): HandoverRefusal | undefined => {
  if (handover.outcome) return 'decided';
  if (handover.round !== currentRound) return 'not_current';
  if (reviewEnded(handover.reviewDeadline, now)) return 'window_ended';
  return undefined;
};
