import { accessLevel, actingRole, type AccessLevel } from '../domain/access.js';
import { person, type Actor } from '../domain/actor.js';
import { ForbiddenError, NotFoundError } from '../domain/errors.js';
import { actions, decide, type Action } from '../domain/lifecycle.js';
import type { Request } from '../domain/request.js';
import type { User } from '../domain/user.js';
import { knownCaller } from './caller.js';
import type { Caller, ServiceDeps } from './deps.js';
import type { RequestView } from './views.js';

export interface OpenedRequest {
  request: Request;
  level: Exclude<AccessLevel, 'none'>;
}

/** Someone else's request answers exactly like a missing one, so nobody learns what exists. */
export const opened = (user: User, request: Request | undefined, isParticipant: boolean, requestId: string): OpenedRequest => {
  const level = request ? accessLevel(user, request, isParticipant) : 'none';
  if (!request || level === 'none') throw new NotFoundError(`Request ${requestId}`);
  return { request, level };
};

/**
 * The caller and a request they may see, read in one round trip (the caller's user item, the
 * request and the caller's invitation to it), so no call on a request waits for two reads in turn.
 */
export const openCallerRequest = async (
  deps: Pick<ServiceDeps, 'callers'>,
  caller: Caller,
  requestId: string,
): Promise<OpenedRequest & { user: User; actor: Actor }> => {
  const context = await deps.callers.read(caller.userId, { requestId });
  const user = knownCaller(context.user);
  const found = opened(user, context.request, context.isParticipant, requestId);
  return { user, actor: person(user, found.level), ...found };
};

/** The level of a request the caller already may see (listed or just created by them). */
export const visibleLevel = (user: User, request: Pick<Request, 'orgId'>) => {
  const level = accessLevel(user, request, true);
  if (level === 'none') throw new NotFoundError('Request');
  return level;
};

export const allowedActions = (request: Request, level: Exclude<AccessLevel, 'none'>, user: User): Action[] => {
  const role = actingRole(level, user);
  return actions.filter((action) => decide(request.status, request.type, action, role).allowed);
};

/** The rank key is storage detail: callers see positions in the queue views instead. */
export const toRequestView = (request: Request, level: Exclude<AccessLevel, 'none'>, user: User): RequestView => {
  const { rank: _rank, ...shown } = request;
  return { ...shown, allowedActions: allowedActions(request, level, user) };
};

/**
 * Decisions that bind the client organisation (an offer, a delivery's review) are its own: not
 * the agency's, not an invited participant's. `refusal` says which decision it is.
 */
export const mustBeClient = (level: AccessLevel, refusal: string): void => {
  if (level !== 'org_admin' && level !== 'org_member') throw new ForbiddenError(refusal);
};
