import { mayRank, maySeeOrganisation } from '../domain/access.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../domain/errors.js';
import type { Organisation } from '../domain/organisation.js';
import { words } from '../domain/lifecycle.js';
import { maxChangesPerPlan, planMove, planOrder, type Placement, type RankPlan } from '../domain/ranking.js';
import { isAgencyRole } from '../domain/roles.js';
import type { User } from '../domain/user.js';
import { resolveCaller } from './caller.js';
import type { Caller, ServiceDeps } from './deps.js';
import { openRequest, toRequestView, visibleLevel } from './open-request.js';
import type { QueuedRequest } from './ports.js';
import { newEntry } from './timeline.js';
import type { ClientQueueView } from './views.js';

/** A DynamoDB transaction holds 100 actions: each moved request is a rank write and an activity item. */
const maxActionsPerTransaction = 100;

const loadOrganisation = async (deps: ServiceDeps, orgId: string): Promise<Organisation> => {
  const organisation = await deps.organisations.getOrganisation(orgId);
  if (!organisation) throw new NotFoundError(`Organisation ${orgId}`);
  return organisation;
};

const queueView = (user: User, orgId: string, mayReorder: boolean, queue: readonly QueuedRequest[]): ClientQueueView => ({
  orgId,
  mayRank: mayReorder,
  items: queue.map((request, index) => ({ position: index + 1, request: toRequestView(request, visibleLevel(user, request), user) })),
});

/**
 * An organisation's active requests in the order the client wants them handled. Clients read
 * their own organisation's (another one's is a 404), agency staff name the organisation.
 */
export const getClientQueue = async (deps: ServiceDeps, caller: Caller, requestedOrgId?: string): Promise<ClientQueueView> => {
  const user = await resolveCaller(deps.users, caller.userId);
  let orgId: string;
  if (isAgencyRole(user.role)) {
    if (!requestedOrgId) throw new ValidationError([{ field: 'query.orgId', reason: 'is required for agency staff: whose queue?' }]);
    orgId = requestedOrgId;
  } else {
    if (!user.orgId || !maySeeOrganisation(user, user.orgId)) throw new ForbiddenError('Only client organisations have a queue; you were invited to single requests');
    if (requestedOrgId !== undefined && requestedOrgId !== user.orgId) throw new NotFoundError(`Organisation ${requestedOrgId}`);
    orgId = user.orgId;
  }
  // Admins always rank their own queue; only a member's right and the agency's lookup need the organisation.
  const mayReorder = user.role === 'client_admin' || mayRank(user, orgId, (await loadOrganisation(deps, orgId)).settings);
  return queueView(user, orgId, mayReorder, await deps.queues.clientQueue(orgId));
};

/** The caller's organisation, if the caller may reorder its queue; otherwise the right error. */
const rankingOrganisation = async (deps: ServiceDeps, user: User, requestId?: string): Promise<string> => {
  if (isAgencyRole(user.role)) throw new ForbiddenError('A client ranks its own queue; ask the client to move the request');
  if (!user.orgId || user.role === 'participant') {
    // Someone who can't see the request must not learn that it exists.
    if (requestId) await openRequest(deps.requests, user, requestId);
    throw new ForbiddenError('Only the organisation’s people rank its requests');
  }
  if (user.role === 'client_member' && !mayRank(user, user.orgId, (await loadOrganisation(deps, user.orgId)).settings)) {
    throw new ForbiddenError('Your organisation lets only its admins reorder the queue; ask an admin, or ask them to allow members to rank');
  }
  return user.orgId;
};

/** Why a request named in a ranking call is not in the queue: someone else's (404) or finished (409). */
const notInQueue = async (deps: ServiceDeps, user: User, requestId: string, field: string): Promise<Error> => {
  const { request } = await openRequest(deps.requests, user, requestId).catch((error: unknown) => {
    throw error instanceof NotFoundError ? new NotFoundError(`Request ${requestId} (${field})`, { cause: error }) : error;
  });
  return new ConflictError(`Request ${requestId} is ${words(request.status)}; only active requests are ranked`, 'Reload the queue');
};

/** Writes a plan (nothing for a no-op) and answers with the queue as it now stands. */
const applyPlan = async (deps: ServiceDeps, user: User, orgId: string, queue: readonly QueuedRequest[], plan: RankPlan): Promise<ClientQueueView> => {
  if (plan.changes.length > maxChangesPerPlan || plan.changes.length + plan.moves.length > maxActionsPerTransaction) {
    throw new ValidationError([
      { field: 'body', reason: `would rewrite ${plan.changes.length} positions at once; reorder in smaller steps (at most ${maxActionsPerTransaction / 2} moves)` },
    ]);
  }
  const at = deps.now().toISOString();
  const level = visibleLevel(user, { orgId });
  const entries = plan.moves.map((move) =>
    newEntry(deps, user, level, move.requestId, at, { kind: 'rank_changed', details: { from: String(move.fromPosition), to: String(move.toPosition) } }),
  );
  if (plan.changes.length > 0) await deps.queues.applyRanks(orgId, plan.changes, entries);
  const byId = new Map(queue.map((request) => [request.requestId, request]));
  const reordered = plan.order.flatMap((item) => {
    const request = byId.get(item.requestId);
    return request ? [{ ...request, rank: item.rank }] : [];
  });
  return queueView(user, orgId, true, reordered);
};

export interface MoveInput {
  before?: string;
  after?: string;
  to?: 'top' | 'bottom';
}

const placementOf = (input: MoveInput): Placement => {
  if (input.before) return { before: input.before };
  if (input.after) return { after: input.after };
  return { to: input.to ?? 'top' };
};

/**
 * Moves one request before or after another, or to an end of the queue: one conditional write
 * of its rank plus its activity item (more only when a rebalance re-keys neighbours).
 */
export const moveRequest = async (deps: ServiceDeps, caller: Caller, requestId: string, input: MoveInput): Promise<ClientQueueView> => {
  const user = await resolveCaller(deps.users, caller.userId);
  const orgId = await rankingOrganisation(deps, user, requestId);
  const queue = await deps.queues.clientQueue(orgId);
  const inQueue = new Set(queue.map((request) => request.requestId));
  if (!inQueue.has(requestId)) throw await notInQueue(deps, user, requestId, 'path.requestId');
  const anchor = input.before ?? input.after;
  const anchorField = input.before ? 'body.before' : 'body.after';
  if (anchor === requestId) throw new ValidationError([{ field: anchorField, reason: 'is the request being moved; name another request' }]);
  if (anchor !== undefined && !inQueue.has(anchor)) throw await notInQueue(deps, user, anchor, anchorField);
  return applyPlan(deps, user, orgId, queue, planMove(queue, requestId, placementOf(input)));
};

/** Sets the whole order at once: the list must name every request of the queue exactly once. */
export const setQueueOrder = async (deps: ServiceDeps, caller: Caller, order: readonly string[]): Promise<ClientQueueView> => {
  const user = await resolveCaller(deps.users, caller.userId);
  const orgId = await rankingOrganisation(deps, user);
  const repeated = order.find((id, index) => order.indexOf(id) !== index);
  if (repeated) throw new ValidationError([{ field: 'body.order', reason: `names ${repeated} more than once` }]);
  const queue = await deps.queues.clientQueue(orgId);
  const inQueue = new Set(queue.map((request) => request.requestId));
  const stranger = order.find((id) => !inQueue.has(id));
  if (stranger) throw await notInQueue(deps, user, stranger, 'body.order');
  const named = new Set(order);
  const missing = queue.filter((request) => !named.has(request.requestId)).map((request) => request.requestId);
  if (missing.length > 0) {
    throw new ConflictError(`The queue also holds ${missing.join(', ')}, which the order leaves out`, 'Reload the queue and send the order of all its requests');
  }
  return applyPlan(deps, user, orgId, queue, planOrder(queue, order));
};
