import { accessLevel, actingRole, type AccessLevel } from '../domain/access.js';
import { NotFoundError } from '../domain/errors.js';
import { actions, decide, type Action } from '../domain/lifecycle.js';
import type { Request } from '../domain/request.js';
import type { User } from '../domain/user.js';
import type { RequestStore } from './ports.js';
import type { RequestView } from './views.js';

export interface OpenedRequest {
  request: Request;
  level: Exclude<AccessLevel, 'none'>;
}

/**
 * Loads a request the caller may see. Someone else's request answers exactly like a missing one,
 * so nobody learns what exists. Participation is only looked up for people outside the org.
 */
export const openRequest = async (store: RequestStore, user: User, requestId: string): Promise<OpenedRequest> => {
  const request = await store.getRequest(requestId);
  if (!request) throw new NotFoundError(`Request ${requestId}`);
  let level = accessLevel(user, request, false);
  if (level === 'none') level = accessLevel(user, request, await store.isParticipant(requestId, user.userId));
  if (level === 'none') throw new NotFoundError(`Request ${requestId}`);
  return { request, level };
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
