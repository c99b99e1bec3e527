import { ForbiddenError } from '../../domain/errors.js';
import { averageOf, type FeedbackSummary } from '../../domain/review/feedback.js';
import { isAgencyRole } from '../../domain/roles.js';
import { resolveCaller } from '../people/caller.js';
import type { Caller, ServiceDeps } from '../ports/deps.js';

export interface Feedback {
  organisations: RankedSummary[];
  agents: RankedSummary[];
}
type RankedSummary = FeedbackSummary & { average: number };

const ranked = (summaries: FeedbackSummary[]): RankedSummary[] =>
  summaries
    .map((summary) => ({ ...summary, average: averageOf(summary) ?? 0 }))
    .sort((a, b) => b.average - a.average || b.count - a.count || a.name.localeCompare(b.name));

/** The clients' ratings of deliveries, per organisation and per agency person who handed work over: agency staff only. */
export const getFeedback = async (deps: ServiceDeps, caller: Caller): Promise<Feedback> => {
  const user = await resolveCaller(deps.users, caller.userId);
  if (!isAgencyRole(user.role)) throw new ForbiddenError('Only agency staff see the ratings');
  const summaries = await deps.feedback.list();
  return {
    organisations: ranked(summaries.filter((summary) => summary.scope === 'organisation')),
    agents: ranked(summaries.filter((summary) => summary.scope === 'agent')),
  };
};
