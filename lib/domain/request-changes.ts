import { isActive } from './lifecycle.js';
import type { OpenOffer } from './orders/offer.js';
import type { Request, RequestStatus } from './request.js';
import { reopenDeadlineOf, reviewDeadlineOf } from './review/review-window.js';
import { isReadyWork, readyAtAfter } from './work-queue.js';

/**
 * The next state of a request after each kind of change, decided here and nowhere else. Every
 * change bumps the version and stamps `updatedAt`; stores write the difference between the
 * request as read and the one returned, conditional on the version read. Only rank moves (the
 * client's order, see ranking.ts) leave the version alone, so reordering never makes someone's
 * change fail.
 */
const changed = (request: Request, at: string): Request => ({ ...request, version: request.version + 1, updatedAt: at });

/** The windows a status opens, computed from when it was entered; each lasts only while its status does. */
const windowsOf = (request: Request, to: RequestStatus, at: string): Pick<Request, 'round' | 'reviewDeadline' | 'reopenUntil'> => {
  const round = to === 'in_review' ? (request.round ?? 0) + 1 : request.round;
  return {
    ...(round !== undefined ? { round } : {}),
    ...(to === 'in_review' ? { reviewDeadline: reviewDeadlineOf(new Date(at)).toISOString() } : {}),
    ...(to === 'answered' ? { reopenUntil: reopenDeadlineOf(new Date(at)).toISOString() } : {}),
  };
};

/**
 * After a lifecycle step to `to`: a finished request leaves its client's queue; one that becomes
 * ready work lines up with the time it did; a handover opens the next review round and its window,
 * an explanation the window to reopen it. Work started by an agency person (`by`) on an unassigned
 * request is theirs from then on. A posted offer (`by.openOffer`) is the open one while the request
 * is quoted; any other step leaves none.
 */
export const afterTransition = (request: Request, to: RequestStatus, at: string, by?: { agencyUserId?: string; openOffer?: OpenOffer }): Request => {
  const { rank, readyAt: _readyAt, round: _round, reviewDeadline: _review, reopenUntil: _reopen, openOffer: _offer, ...rest } = changed(request, at);
  const readyAt = readyAtAfter(request.status, to, at, request.readyAt);
  const assigneeId = request.assigneeId ?? (to === 'in_progress' ? by?.agencyUserId : undefined);
  return {
    ...rest,
    status: to,
    ...(isActive(to) && rank !== undefined ? { rank } : {}),
    ...(readyAt !== undefined ? { readyAt } : {}),
    ...(assigneeId !== undefined ? { assigneeId } : {}),
    ...windowsOf(request, to, at),
    ...(to === 'quoted' && by?.openOffer ? { openOffer: by.openOffer } : {}),
  };
};

/** After (un)assigning an agency person. */
export const afterAssignment = (request: Request, assigneeId: string | undefined, at: string): Request => {
  const { assigneeId: _previous, ...rest } = changed(request, at);
  return assigneeId === undefined ? rest : { ...rest, assigneeId };
};

/** The lists a request is in beyond its organisation's and the agency's list of all requests. */
export interface RequestPlaces {
  /** Its rank in its client's queue: active requests only. */
  clientQueue?: string;
  /** Since when it is ready work for the agency. */
  readyWork?: string;
}

export const placesOf = (request: Request): RequestPlaces => ({
  ...(request.rank !== undefined && isActive(request.status) ? { clientQueue: request.rank } : {}),
  ...(request.readyAt !== undefined && isReadyWork(request.status) ? { readyWork: request.readyAt } : {}),
});
