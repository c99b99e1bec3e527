import { isAgencyRole } from '../../domain/roles.js';
import { person, type Actor } from '../../domain/actor.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors.js';
import type { Action } from '../../domain/lifecycle.js';
import type { Platform } from '../../domain/platform.js';
import { rankAfter } from '../../domain/ranking.js';
import { formatRequestNumber, searchText, type Request, type RequestStatus, type RequestType } from '../../domain/request.js';
import { reopenEnded } from '../../domain/review/review-window.js';
import type { User } from '../../domain/user.js';
import { guessed, onGuess } from '../alongside.js';
import { knownCaller, resolveCaller } from '../people/caller.js';
import type { Caller, ServiceDeps, WorkflowDeps } from '../ports/deps.js';
import { idempotent } from '../idempotent.js';
import { takeStep } from './lifecycle-step.js';
import { openCallerRequest, requestView, requestViews, visibleLevel } from './open-request.js';
import type { Page } from '../ports/common.js';
import { newEntry } from './timeline.js';
import { RequestView } from '../views.js';
import { nudgeWorkflow, takeLapsedStep } from '../workflow/workflow-signals.js';
import type { ListScope } from '../ports/requests.js';

export interface NewRequest {
  type: RequestType;
  title: string;
  description: string;
  projectRef?: string;
  platform: Platform;
  /** Agency staff file on behalf of an organisation; clients always file for their own. */
  orgId?: string;
}

/** Which organisation a new request belongs to: the client's own, or the one agency staff name. */
const filingOrganisation = async (deps: ServiceDeps, user: User, requested: string | undefined): Promise<string> => {
  if (isAgencyRole(user.role)) {
    if (!requested) throw new ValidationError([{ field: 'body.orgId', reason: 'is required when agency staff file a request' }]);
    if (!(await deps.organisations.getOrganisation(requested))) throw new NotFoundError(`Organisation ${requested}`);
    return requested;
  }
  if (!user.orgId || user.role === 'participant') throw new ForbiddenError('Only client organisations and agency staff file requests');
  if (requested !== undefined && requested !== user.orgId) throw new ForbiddenError('Clients file requests for their own organisation only');
  return user.orgId;
};

/** Request numbers follow the agency's calendar year (Prague), not UTC's. */
const pragueYear = (date: Date) => Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Prague', year: 'numeric' }).format(date));

export const createRequest = async (deps: ServiceDeps, caller: Caller, input: NewRequest, idempotencyKey?: string): Promise<RequestView> => {
  const user = await resolveCaller(deps.users, caller.userId);
  const orgId = await filingOrganisation(deps, user, input.orgId);
  const now = deps.now();
  return idempotent({
    store: deps.idempotency,
    key: idempotencyKey,
    callerId: user.userId,
    operation: 'create-request',
    input,
    now,
    parse: (stored) => RequestView.parse(stored),
    run: async (idempotency) => {
      const year = pragueYear(now);
      const [sequence, lastRank] = await Promise.all([deps.requests.nextSequence(year), deps.queues.lastRank(orgId)]);
      const requestId = formatRequestNumber(year, sequence);
      const at = now.toISOString();
      const request: Request = {
        requestId,
        orgId,
        type: input.type,
        title: input.title,
        description: input.description,
        projectRef: input.projectRef,
        platform: input.platform,
        status: 'submitted',
        version: 1,
        createdBy: user.userId,
        createdAt: at,
        updatedAt: at,
        // New requests go to the end of their client's queue.
        rank: rankAfter(lastRank),
      };
      const level = visibleLevel(user, request);
      const view = await requestView(deps, user, { request, level });
      const entry = newEntry(deps, person(user, level), requestId, at, { kind: 'request_created', details: { type: input.type, title: input.title } });
      await deps.unitOfWork.commit([
        deps.requests.create(request),
        deps.timeline.append(entry),
        ...(idempotency ? [deps.idempotency.record(idempotency, view, now)] : []),
      ]);
      deps.metrics.count('RequestsFiled');
      return view;
    },
  });
};

export const getRequest = async (deps: ServiceDeps, caller: Caller, requestId: string): Promise<RequestView> => {
  const { user, request, level } = await openCallerRequest(deps, caller, requestId);
  return requestView(deps, user, { request, level });
};

export interface RequestQuery {
  status?: RequestStatus;
  type?: RequestType;
  q?: string;
  scope?: 'org' | 'invited' | 'all';
  orgId?: string;
  limit: number;
  cursor?: string;
}

/** Newest first. Clients see their organisation's requests (or the ones they were invited to),
 * participants the ones they were invited to, agency staff everything or one organisation's. */
export const listRequests = async (deps: ServiceDeps, caller: Caller, query: RequestQuery): Promise<Page<RequestView>> => {
  const filter = { status: query.status, type: query.type, titleContains: query.q ? searchText(query.q) : undefined };
  const list = (scope: ListScope) => deps.requests.list(scope, filter, query.limit, query.cursor);
  // Which list to read depends on the caller's user item. The caller's last known one (a hint)
  // starts the read alongside it; the fresh item decides, and the list is read again if the two differ.
  const recent = deps.callers.recent(caller.userId);
  const guess = recent && guessed(() => listScopeOf(recent, query));
  const [context, early] = await Promise.all([deps.callers.read(caller.userId, {}), onGuess(guess ? () => list(guess) : undefined)]);
  const user = knownCaller(context.user);
  const scope = listScopeOf(user, query);
  const page = early && sameScope(scope, guess) ? early : await list(scope);
  return { items: await requestViews(deps, user, page.items.map((request) => ({ request, level: visibleLevel(user, request) }))), nextCursor: page.nextCursor };
};

/** Whose requests a list shows; a 403 says why the caller may not list what they asked for. */
const listScopeOf = (user: User, query: Pick<RequestQuery, 'scope' | 'orgId'>): ListScope => {
  const agency = isAgencyRole(user.role);
  if (query.orgId !== undefined && !agency) throw new ForbiddenError('Only agency staff list other organisations');
  const scopeName = query.scope ?? (agency ? 'all' : user.orgId ? 'org' : 'invited');
  if (scopeName === 'invited') return { kind: 'invited', userId: user.userId };
  if (agency) return query.orgId ? { kind: 'org', orgId: query.orgId } : { kind: 'all' };
  if (scopeName === 'org' && user.orgId) return { kind: 'org', orgId: user.orgId };
  throw new ForbiddenError(scopeName === 'all' ? 'Only agency staff list all requests' : 'You belong to no organisation; list scope=invited');
};

const sameScope = (a: ListScope, b: ListScope | undefined) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Takes a lifecycle action for the caller (clarify, fix, start work, explain, reopen, close), see
 * `takeStep`, and tells the request's workflow. An answer whose window to reopen has ended is
 * closed (if the workflow hasn't yet) rather than reopened: the window decided.
 */
export const applyAction = async (
  deps: WorkflowDeps,
  caller: Caller,
  requestId: string,
  action: Action,
  note?: string,
): Promise<RequestView> => {
  const { user, request, level, actor } = await openCallerRequest(deps, caller, requestId);
  if (action === 'reopen' && request.status === 'answered' && reopenEnded(request.reopenUntil, deps.now())) {
    await takeLapsedStep(deps, requestId, (timer) => closeAnswered(deps, timer, request));
    throw new ConflictError(`Request ${requestId} could be reopened until ${request.reopenUntil}; it is closed`, 'File a new request if the problem persists');
  }
  const updated = await takeStep(deps, actor, request, { action, note });
  await nudgeWorkflow(deps, requestId, updated.status);
  return requestView(deps, user, { request: updated, level });
};

/** An answered request nobody reopened in time closes by itself (the workflow at the window's end, or a late reopen first). */
export const closeAnswered = (deps: ServiceDeps, actor: Actor, request: Request): Promise<Request> =>
  takeStep(deps, actor, request, { action: 'close', details: request.reopenUntil ? { reopenUntil: request.reopenUntil } : {}, lapsedAt: request.reopenUntil });
