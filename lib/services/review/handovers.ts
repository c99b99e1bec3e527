import type { Actor } from '../../domain/actor.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors.js';
import { handoverRefusal, type Handover, type HandoverRefusal } from '../../domain/review/handover.js';
import type { Request } from '../../domain/request.js';
import type { Caller, Origin, ServiceDeps, WorkflowDeps } from '../ports/deps.js';
import { alongside } from '../alongside.js';
import { takeStep } from '../requests/lifecycle-step.js';
import { citableFiles, citedFiles, internalPositions } from '../requests/cited-files.js';
import { mustBeClient, openCallerRequest, requestView } from '../requests/open-request.js';
import type { Write } from '../ports/common.js';
import { toHandoverView, type HandoverView, type RequestView } from '../views.js';
import { nudgeWorkflow, takeLapsedStep } from '../workflow/workflow-signals.js';

/** What an agent hands over: what was done and how to check it, the files, where to see it. */
export interface HandoverInput {
  notes: string;
  link?: string;
  attachmentIds: string[];
}

const reviewRefusal = 'Only the client organisation reviews its deliveries';

/**
 * Files that go with a delivery or a review must be uploaded ones of this request that the
 * client sees (an internal file in a delivery would be a file the client can't open) and that
 * the malware scan found clean (409 while one is checked, or if it was not clean).
 */
const visibleAttachments = async (deps: ServiceDeps, requestId: string, attachmentIds: readonly string[]): Promise<Write[]> => {
  const cited = await citedFiles(deps, requestId, attachmentIds);
  const internal = internalPositions(cited);
  if (internal.length > 0) throw new ValidationError(internal.map((index) => ({ field: `body.attachmentIds.${index}`, reason: 'is an internal file; the client would not see it' })));
  return citableFiles(deps, requestId, attachmentIds, cited);
};

/**
 * An agent hands the work over for review: round 1, then 2, … after each request for changes.
 * The round's window ends at 23:59:59 Prague time 7 calendar days later (on the request and the
 * round alike); the workflow reminds the client before it and deems the delivery accepted at it.
 */
export const handOver = async (deps: WorkflowDeps, caller: Caller, requestId: string, input: HandoverInput): Promise<{ request: RequestView; handover: HandoverView }> => {
  const { user, request, level, actor } = await openCallerRequest(deps, caller, requestId);
  if (level !== 'agency') throw new ForbiddenError('Only agency staff hand work over');
  const files = await visibleAttachments(deps, requestId, input.attachmentIds);
  const at = deps.now().toISOString();
  let handover: Handover | undefined;
  const updated = await takeStep(deps, actor, request, {
    action: 'hand_over',
    note: input.notes,
    format: 'markdown',
    attachmentIds: input.attachmentIds,
    details: input.link ? { link: input.link } : {},
    also: (after) => {
      handover = {
        requestId,
        round: after.round!,
        notes: input.notes,
        ...(input.link ? { link: input.link } : {}),
        attachmentIds: input.attachmentIds,
        handedOverAt: at,
        handedOverBy: user.userId,
        handedOverByName: user.name,
        reviewDeadline: after.reviewDeadline!,
      };
      return [deps.handovers.add(handover), ...files];
    },
  });
  deps.metrics.count('DeliveriesHandedOver');
  await nudgeWorkflow(deps, requestId, updated.status);
  return { request: await requestView(deps, user, { request: updated, level }), handover: toHandoverView(handover!, level) };
};

/** Every round of a request's review, first to last, for anyone who may see the request, as they may see it (`toHandoverView`). */
export const listHandovers = async (deps: ServiceDeps, caller: Caller, requestId: string): Promise<HandoverView[]> => {
  const [{ level }, handovers] = await alongside(openCallerRequest(deps, caller, requestId), deps.handovers.list(requestId));
  return handovers.map((handover) => toHandoverView(handover, level));
};

/**
 * The review window passed with no answer: the delivery is accepted, marked as deemed. The
 * workflow does this at the deadline; a client's decision that arrives later does it first, so
 * what happens at the deadline never depends on when the workflow wakes.
 */
export const deemAccepted = async (deps: ServiceDeps, actor: Actor, request: Request, handover: Handover): Promise<Request> => {
  const updated = await takeStep(deps, actor, request, {
    action: 'deem_accepted',
    details: { round: String(handover.round), reviewDeadline: handover.reviewDeadline },
    // Deemed accepted at the deadline itself, however late the workflow wakes to record it.
    lapsedAt: handover.reviewDeadline,
    also: [deps.handovers.settle(handover, { ...handover, outcome: { decision: 'deemed', at: handover.reviewDeadline } })],
  });
  deps.metrics.count('DeliveriesDeemedAccepted');
  return updated;
};

const refusals: Record<Exclude<HandoverRefusal, 'window_ended'>, (handover: Handover) => ConflictError> = {
  decided: (handover) => new ConflictError(`The review of round ${handover.round} ended already (${handover.outcome?.decision.replace('_', ' ')})`, 'Reload the request to see where it stands'),
  not_current: (handover) => new ConflictError(`Round ${handover.round} is not the delivery under review`, 'Reload the request and review its current round'),
};

/**
 * The round a client's decision names, as it may still be decided on. When its window has
 * ended, the delivery is deemed accepted now (if the workflow hasn't yet) and the decision is
 * refused: the deadline decided.
 */
const reviewable = async (deps: WorkflowDeps, request: Request, round: number): Promise<Handover> => {
  const handover = await deps.handovers.get(request.requestId, round);
  if (!handover) throw new NotFoundError(`Round ${round} of request ${request.requestId}`);
  const refusal = handoverRefusal(handover, request.status === 'in_review' ? request.round : undefined, deps.now());
  if (refusal === 'window_ended') {
    await takeLapsedStep(deps, request.requestId, (timer) => deemAccepted(deps, timer, request, handover));
    throw new ConflictError(
      `The review period of round ${round} ended on ${handover.reviewDeadline}; the delivery is deemed accepted`,
      'Write a message on the request if something is wrong; a defect can be filed as a new request',
    );
  }
  if (refusal) throw refusals[refusal](handover);
  return handover;
};

export interface ReviewDecision {
  round: number;
  origin: Origin;
}

/**
 * The client accepts a delivery: the request is accepted, with who, when, from where and the
 * round recorded on it. A rating (1–5) with an optional comment may come along; it counts into
 * the organisation's and the agent's summaries in the same transaction.
 */
export const acceptDelivery = async (
  deps: WorkflowDeps,
  caller: Caller,
  requestId: string,
  decision: ReviewDecision & { rating?: number; comment?: string },
): Promise<{ request: RequestView; handover: HandoverView }> => {
  const { user, request, level, actor } = await openCallerRequest(deps, caller, requestId);
  mustBeClient(level, reviewRefusal);
  const handover = await reviewable(deps, request, decision.round);
  const at = deps.now().toISOString();
  const { rating, comment } = decision;
  const decided: Handover = {
    ...handover,
    outcome: { decision: 'accepted', userId: user.userId, name: user.name, at, ip: decision.origin.ip, userAgent: decision.origin.userAgent, ...(rating ? { rating } : {}), ...(comment ? { comment } : {}) },
  };
  const organisation = rating ? await deps.organisations.getOrganisation(request.orgId) : undefined;
  const feedback = rating
    ? deps.feedback.add({ rating, at, organisation: { id: request.orgId, name: organisation?.name ?? request.orgId }, agent: { id: handover.handedOverBy, name: handover.handedOverByName } })
    : [];
  const updated = await takeStep(deps, actor, request, {
    action: 'accept_delivery',
    note: comment,
    details: { round: String(handover.round), ...(rating ? { rating: String(rating) } : {}) },
    also: [deps.handovers.settle(handover, decided), ...feedback],
  });
  deps.metrics.count('DeliveriesAccepted');
  await nudgeWorkflow(deps, requestId, updated.status);
  return { request: await requestView(deps, user, { request: updated, level }), handover: toHandoverView(decided, level) };
};

/** The client asks for changes, saying what (required) and maybe with files: the agent resumes and hands over again. */
export const requestChanges = async (
  deps: WorkflowDeps,
  caller: Caller,
  requestId: string,
  decision: ReviewDecision & { comments: string; attachmentIds: string[] },
): Promise<{ request: RequestView; handover: HandoverView }> => {
  const { user, request, level, actor } = await openCallerRequest(deps, caller, requestId);
  mustBeClient(level, reviewRefusal);
  const handover = await reviewable(deps, request, decision.round);
  const files = await visibleAttachments(deps, requestId, decision.attachmentIds);
  const decided: Handover = {
    ...handover,
    outcome: {
      decision: 'changes_requested',
      userId: user.userId,
      name: user.name,
      at: deps.now().toISOString(),
      ip: decision.origin.ip,
      userAgent: decision.origin.userAgent,
      comments: decision.comments,
      attachmentIds: decision.attachmentIds,
    },
  };
  const updated = await takeStep(deps, actor, request, {
    action: 'request_changes',
    note: decision.comments,
    attachmentIds: decision.attachmentIds,
    details: { round: String(handover.round) },
    also: [deps.handovers.settle(handover, decided), ...files],
  });
  deps.metrics.count('ReviewChangesRequested');
  await nudgeWorkflow(deps, requestId, updated.status);
  return { request: await requestView(deps, user, { request: updated, level }), handover: toHandoverView(decided, level) };
};
