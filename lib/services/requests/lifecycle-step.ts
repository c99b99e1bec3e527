import { partyOf, system, type Actor } from '../../domain/actor.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../../domain/errors.js';
import { decide, words, type Action } from '../../domain/lifecycle.js';
import { afterTransition } from '../../domain/request-changes.js';
import type { OpenOffer } from '../../domain/orders/offer.js';
import type { Request } from '../../domain/request.js';
import type { TimelineEntry } from '../../domain/timeline-entry.js';
import type { ServiceDeps, SystemCaller } from '../ports/deps.js';
import type { Write } from '../ports/common.js';
import { newEntry } from './timeline.js';

export interface Step {
  action: Action;
  /** Said with the step, shown on the timeline (a reason to cancel, a note to a handover). */
  note?: string;
  /**
   * Writes that stand or fall with the step (an offer, an order), committed in the same unit of
   * work; a function of the request as the step leaves it when they depend on it (a handover's round).
   */
  also?: readonly Write[] | ((after: Request) => readonly Write[]);
  /** More facts of the change for its timeline entry (an offer's number, a payment's id). */
  details?: Record<string, string>;
  /** The step's entry is of another kind than `status_changed` (posting an offer writes `offer_posted`). */
  entryKind?: TimelineEntry['kind'];
  /** The note is Markdown (a delivery's notes); plain text otherwise. */
  format?: TimelineEntry['format'];
  /** Files that go with the step (a delivery's, the client's with their comments). */
  attachmentIds?: readonly string[];
  /** The offer a step leaves open (posting one): kept on the request while it is quoted. */
  openOffer?: OpenOffer;
  /**
   * A step that the end of a window takes (an offer's validity, a review period, the time to
   * reopen an answer) happened at that end, not when the workflow woke to write it: its entry is
   * dated then, and notes when it was taken (`takenAt`).
   */
  lapsedAt?: string;
}

/**
 * Takes a lifecycle step for a person or a part of the system through the one transition table:
 * the domain decides whether it is allowed and what the request becomes, and the change, its
 * timeline entry and whatever else belongs to the step are committed together, conditional on
 * the version read.
 */
export const takeStep = async (deps: ServiceDeps, actor: Actor, request: Request, step: Step): Promise<Request> => {
  const { action } = step;
  const decision = decide(request.status, request.type, action, partyOf(actor));
  if (!decision.allowed) {
    if (decision.reason === 'actor') {
      throw new ForbiddenError(actor.kind === 'person' ? `Your role on this request does not allow ${words(action)}` : `The ${actor.name} does not ${words(action)}: that is a person's decision`);
    }
    if (decision.reason === 'type') throw new ConflictError(`A ${request.type} request cannot ${words(action)}`, 'Choose another action');
    throw new ConflictError(
      `Request ${request.requestId} is ${words(request.status)}; ${words(action)} is possible only when it is ${decision.allowedFrom.map(words).join(', ')}`,
      'Reload the request to see what you can do now',
    );
  }
  const now = deps.now().toISOString();
  const at = step.lapsedAt !== undefined && Date.parse(step.lapsedAt) < Date.parse(now) ? new Date(step.lapsedAt).toISOString() : now;
  const agencyUserId = actor.kind === 'person' && actor.level === 'agency' ? actor.user.userId : undefined;
  const after = afterTransition(request, decision.to, now, { agencyUserId, openOffer: step.openOffer });
  const assigned = after.assigneeId !== request.assigneeId ? after.assigneeId : undefined;
  const entry = newEntry(deps, actor, request.requestId, at, {
    kind: step.entryKind ?? 'status_changed',
    body: step.note,
    ...(step.note !== undefined && step.format ? { format: step.format } : {}),
    ...(step.attachmentIds?.length ? { attachmentIds: [...step.attachmentIds] } : {}),
    details: {
      action,
      from: request.status,
      to: decision.to,
      ...(assigned ? { assigneeId: assigned } : {}),
      ...(after.round !== undefined && decision.to === 'in_review' ? { round: String(after.round), reviewDeadline: after.reviewDeadline! } : {}),
      ...(after.reopenUntil ? { reopenUntil: after.reopenUntil } : {}),
      ...step.details,
      ...(at !== now ? { takenAt: now } : {}),
    },
  });
  const also = typeof step.also === 'function' ? step.also(after) : (step.also ?? []);
  await deps.unitOfWork.commit([deps.requests.update(request, after), deps.timeline.append(entry), ...also]);
  return after;
};

/** What a part of the system expects of the request it acts on: the version it saw when it decided to act. */
export interface SystemExpectation {
  version?: number;
}

/**
 * A lifecycle step taken by orderdesk itself (the workflow after a wait, a timer, the payment
 * webhook). No access check: the system sees every request. When the caller says which version
 * it acted on and the request has moved on since, the step is a conflict rather than applied to
 * a request that is no longer what was decided about.
 */
export const takeSystemStep = async (deps: ServiceDeps, caller: SystemCaller, requestId: string, step: Step, expected: SystemExpectation = {}): Promise<Request> => {
  const request = await deps.requests.get(requestId);
  if (!request) throw new NotFoundError(`Request ${requestId}`);
  if (expected.version !== undefined && request.version !== expected.version) {
    throw new ConflictError(`Request ${requestId} is at version ${request.version}, not ${expected.version}`, 'Decide again on the current request');
  }
  return takeStep(deps, system(caller.system), request, step);
};
