import type { FeedbackSummary, RatingGiven } from '../../domain/review/feedback.js';
import type { Handover } from '../../domain/review/handover.js';
import type { Write } from './common.js';

/** The ports of delivery and review: handover rounds and the clients' feedback. */

/** A request's handovers for review, one per round, each with how its review ended. */
export interface HandoverStore {
  get(requestId: string, round: number): Promise<Handover | undefined>;
  /** Every round, first to last. */
  list(requestId: string): Promise<Handover[]>;
  /** A new round; its number must be free. */
  add(handover: Handover): Write;
  /** The round's review ended (`after.outcome`), once: a second outcome is a conflict. */
  settle(before: Handover, after: Handover): Write;
}

/** The agency's view of its clients' ratings. */
export interface FeedbackStore {
  /** Counts one rating into its organisation's and its agent's summary. */
  add(rating: RatingGiven): Write[];
  /** Every summary, organisations and agency people. */
  list(): Promise<FeedbackSummary[]>;
}
