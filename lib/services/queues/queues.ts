import { accessLevel, mayRank, maySeeOrganisation } from '../../domain/access.js';
import { person } from '../../domain/actor.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors.js';
import { isActive, words } from '../../domain/lifecycle.js';
import type { Organisation } from '../../domain/organisation.js';
import { maxChangesPerPlan, planOrder, type RankPlan } from '../../domain/ranking.js';
import type { Request } from '../../domain/request.js';
import { isAgencyRole } from '../../domain/roles.js';
import type { User } from '../../domain/user.js';
import { guessed, onGuess } from '../alongside.js';
import { knownCaller } from '../people/caller.js';
import type { Caller, ServiceDeps } from '../ports/deps.js';
import { opened, requestViews, visibleLevel } from '../requests/open-request.js';
import { newEntry } from '../requests/timeline.js';
import type { ClientQueueView, QueuePlacementView } from '../views.js';
import type { QueuedRequest, QueueGap } from '../ports/requests.js';
import { placeInQueue } from './placement.js';

/** A DynamoDB transaction holds 100 actions: each moved request is a rank write and an activity item. */
const maxActionsPerTransaction = 100;

/** The most requests `PUT /queue` names; a longer queue is reordered one move at a time. */
export const maxWholeOrder = 200;

/** Whose queue a caller reads: their own organisation's, or the one agency staff name. */
const queueOrganisation = (user: User, requestedOrgId: string | undefined): string => {
  if (isAgencyRole(user.role)) {
    if (!requestedOrgId) throw new ValidationError([{ field: 'query.orgId', reason: 'is required for agency staff: whose queue?' }]);
    return requestedOrgId;
  }
  if (!user.orgId || !maySeeOrganisation(user, user.orgId)) throw new ForbiddenError('Only client organisations have a queue; you were invited to single requests');
  if (requestedOrgId !== undefined && requestedOrgId !== user.orgId) throw new NotFoundError(`Organisation ${requestedOrgId}`);
  return user.orgId;
};

const organisationOf = async (deps: ServiceDeps, orgId: string, read: Organisation | undefined): Promise<Organisation> => {
  const organisation = read?.orgId === orgId ? read : await deps.organisations.getOrganisation(orgId);
  if (!organisation) throw new NotFoundError(`Organisation ${orgId}`);
  return organisation;
};

export interface QueuePageQuery {
  /** Agency staff: whose queue. */
  orgId?: string;
  limit: number;
  cursor?: string;
}

/**
 * A page of an organisation's active requests in the order the client wants them handled.
 * Clients read their own organisation's (another one's is a 404), agency staff name it. The
 * caller's last known organisation starts the page read alongside the caller's user item; the
 * fresh user item decides, and the page is read again when the guess was wrong.
 */
export const getClientQueue = async (deps: ServiceDeps, caller: Caller, query: QueuePageQuery): Promise<ClientQueueView> => {
  const recent = deps.callers.recent(caller.userId);
  const guess = recent && guessed(() => queueOrganisation(recent, query.orgId));
  // The organisation is read for its settings (may members rank?) and, for agency staff, to know
  // it exists; a client admin's answer needs neither.
  const [context, early] = await Promise.all([
    deps.callers.read(caller.userId, { orgId: recent?.role === 'client_admin' ? undefined : (guess ?? query.orgId) }),
    onGuess(guess ? () => deps.queues.clientQueuePage(guess, query.limit, query.cursor) : undefined),
  ]);
  const user = knownCaller(context.user);
  const orgId = queueOrganisation(user, query.orgId);
  const [organisation, page] = await Promise.all([
    user.role === 'client_admin' ? undefined : organisationOf(deps, orgId, context.organisation),
    early && guess === orgId ? early : deps.queues.clientQueuePage(orgId, query.limit, query.cursor),
  ]);
  const views = await requestViews(deps, user, page.items.map((request) => ({ request, level: visibleLevel(user, request) })), organisation);
  return {
    orgId,
    // A client admin always ranks their own organisation's queue.
    mayRank: organisation ? mayRank(user, orgId, organisation.settings) : user.role === 'client_admin',
    items: views.map((request, i) => ({ position: page.offset + i + 1, request })),
    nextCursor: page.nextCursor,
  };
};

/** The organisation whose queue the caller may reorder; otherwise the right 403. */
const rankingOrganisation = async (deps: ServiceDeps, user: User, read: Organisation | undefined): Promise<string> => {
  if (isAgencyRole(user.role)) throw new ForbiddenError('A client ranks its own queue; ask the client to move the request');
  if (!user.orgId || user.role === 'participant') throw new ForbiddenError('Only the organisation’s people rank its requests');
  if (user.role === 'client_member' && !mayRank(user, user.orgId, (await organisationOf(deps, user.orgId, read)).settings)) {
    throw new ForbiddenError('Your organisation lets only its admins reorder the queue; ask an admin, or ask them to allow members to rank');
  }
  return user.orgId;
};

/**
 * A request named in a ranking call, as the caller may rank it. One they can't see is a 404
 * (nobody learns it exists); one they see only as an invited participant, a 403; a finished one
 * of their own queue, a 409.
 */
const rankable = (user: User, orgId: string, request: Request | undefined, isParticipant: boolean, requestId: string, field: string): QueuedRequest => {
  if (!request || accessLevel(user, request, isParticipant) === 'none') throw new NotFoundError(`Request ${requestId} (${field})`);
  if (request.orgId !== orgId) throw new ForbiddenError(`Request ${requestId} (${field}) is not your organisation’s; you rank only your own organisation’s requests`);
  if (!request.rank || !isActive(request.status)) {
    throw new ConflictError(`Request ${requestId} is ${words(request.status)}; only active requests are ranked`, 'Reload the queue');
  }
  return { ...request, rank: request.rank };
};

/**
 * Checks that a ranking call may name a request as read. Only a request of another organisation
 * needs the caller's invitation to it read: it tells a 403 (invited) from a 404.
 */
const checkNamed = async (deps: ServiceDeps, user: User, orgId: string, request: Request | undefined, requestId: string, field: string): Promise<QueuedRequest> => {
  const isParticipant = request !== undefined && request.orgId !== orgId && (await deps.participants.isParticipant(requestId, user.userId));
  return rankable(user, orgId, request, isParticipant, requestId, field);
};

const checkPlanSize = (plan: RankPlan) => {
  if (plan.changes.length > maxChangesPerPlan || plan.changes.length + plan.moves.length > maxActionsPerTransaction) {
    throw new ValidationError([
      { field: 'body', reason: `would rewrite ${plan.changes.length} positions at once; reorder in smaller steps (at most ${maxActionsPerTransaction / 2} moves)` },
    ]);
  }
};

export interface MoveInput {
  before?: string;
  after?: string;
  to?: 'top' | 'bottom';
}

/**
 * Moves one request before or after another, or to an end of the queue. It reads the caller,
 * the request and the anchor together, then only the requests next to the gap (placement.ts),
 * and writes one transaction: the rank, conditional on the rank read, plus its activity item
 * (more only when a rebalance re-keys neighbours, each conditional on its rank too).
 */
export const moveRequest = async (deps: ServiceDeps, caller: Caller, requestId: string, input: MoveInput): Promise<QueuePlacementView> => {
  const anchorId = input.before ?? input.after;
  const anchorField = input.before ? 'body.before' : 'body.after';
  if (anchorId === requestId) throw new ValidationError([{ field: anchorField, reason: 'is the request being moved; name another request' }]);
  const recent = deps.callers.recent(caller.userId);
  const [context, anchorRead] = await Promise.all([
    deps.callers.read(caller.userId, { requestId, orgId: recent?.orgId }),
    anchorId ? deps.requests.get(anchorId) : Promise.resolve(undefined),
  ]);
  const user = knownCaller(context.user);
  // What the caller can't see is a 404 before any word about their role.
  opened(user, context.request, context.isParticipant, requestId);
  const orgId = await rankingOrganisation(deps, user, context.organisation);
  const moved = rankable(user, orgId, context.request, context.isParticipant, requestId, 'path.requestId');
  const anchor = anchorId === undefined ? undefined : await checkNamed(deps, user, orgId, anchorRead, anchorId, anchorField);
  const gap: QueueGap = anchor ? (input.before ? { before: anchor } : { after: anchor }) : { to: input.to ?? 'top' };
  const placed = await placeInQueue(deps.queues, orgId, moved, gap);
  if (placed.plan) await applyPlan(deps, user, orgId, placed.plan, input);
  return { orgId, requestId, after: placed.after?.requestId ?? null, before: placed.before?.requestId ?? null, moved: placed.plan !== undefined };
};

/** Writes a plan's rank changes with one activity item per moved request (nothing for a no-op). */
const applyPlan = async (deps: ServiceDeps, user: User, orgId: string, plan: RankPlan, move?: MoveInput) => {
  checkPlanSize(plan);
  if (plan.changes.length === 0) return;
  const at = deps.now().toISOString();
  const level = visibleLevel(user, { orgId });
  const actor = person(user, level);
  const entries = plan.moves.map((item) =>
    newEntry(deps, actor, item.requestId, at, {
      kind: 'rank_changed',
      details:
        item.fromPosition !== undefined && item.toPosition !== undefined
          ? { from: String(item.fromPosition), to: String(item.toPosition) }
          : moveDetails(move ?? {}),
    }),
  );
  await deps.unitOfWork.commit([...plan.changes.map((change) => deps.queues.rerank(orgId, change)), ...entries.map((entry) => deps.timeline.append(entry))]);
};

/** What a single move records: where the caller put the request (positions would need the whole queue read). */
const moveDetails = (move: MoveInput): Record<string, string> =>
  move.before ? { placement: 'before', anchor: move.before } : move.after ? { placement: 'after', anchor: move.after } : { placement: move.to ?? 'top' };

/**
 * Sets the whole order at once: the list must name every request of the queue exactly once
 * (at most 200; a longer queue is reordered by moves). Only the requests out of order are re-keyed.
 */
export const setQueueOrder = async (deps: ServiceDeps, caller: Caller, order: readonly string[]): Promise<ClientQueueView> => {
  const repeated = order.find((id, index) => order.indexOf(id) !== index);
  if (repeated) throw new ValidationError([{ field: 'body.order', reason: `names ${repeated} more than once` }]);
  const recent = deps.callers.recent(caller.userId);
  const context = await deps.callers.read(caller.userId, { orgId: recent?.orgId });
  const user = knownCaller(context.user);
  const orgId = await rankingOrganisation(deps, user, context.organisation);
  const queue = await deps.queues.clientQueue(orgId, maxWholeOrder + 1);
  if (queue.length > maxWholeOrder) {
    throw new ConflictError(`The queue holds more than ${maxWholeOrder} requests, more than one order may name`, 'Move requests one at a time');
  }
  const inQueue = new Set(queue.map((request) => request.requestId));
  const stranger = order.find((id) => !inQueue.has(id));
  if (stranger) {
    // Someone else's (404), invited only (403) or finished (409): say which.
    await checkNamed(deps, user, orgId, await deps.requests.get(stranger), stranger, 'body.order');
    throw new ConflictError(`Request ${stranger} joined the queue after it was read`, 'Reload the queue and send the order of all its requests');
  }
  const named = new Set(order);
  const missing = queue.filter((request) => !named.has(request.requestId)).map((request) => request.requestId);
  if (missing.length > 0) {
    throw new ConflictError(`The queue also holds ${missing.join(', ')}, which the order leaves out`, 'Reload the queue and send the order of all its requests');
  }
  const plan = planOrder(queue, order);
  await applyPlan(deps, user, orgId, plan);
  const byId = new Map(queue.map((request) => [request.requestId, request]));
  const ordered = plan.order.flatMap((item) => {
    const request = byId.get(item.requestId);
    return request ? [{ ...request, rank: item.rank }] : [];
  });
  const views = await requestViews(deps, user, ordered.map((request) => ({ request, level: visibleLevel(user, request) })), context.organisation);
  return { orgId, mayRank: true, items: views.map((request, index) => ({ position: index + 1, request })) };
};
