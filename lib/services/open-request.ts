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

export const allowedActions = (request: Request, level: Exclude<AccessLevel, 'none'>, user: User): Action[] => {
  const role = actingRole(level, user);
  return actions.filter((action) => decide(request.status, request.type, action, role).allowed);
};

export const toRequestView = (request: Request, level: Exclude<AccessLevel, 'none'>, user: User): RequestView => ({
  ...request,
  allowedActions: allowedActions(request, level, user),
});
