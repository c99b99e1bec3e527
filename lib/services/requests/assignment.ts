import { ConflictError, ForbiddenError, ValidationError } from '../../domain/errors.js';
import { isActive, words } from '../../domain/lifecycle.js';
import { afterAssignment } from '../../domain/request-changes.js';
import { hasAccess } from '../../domain/people.js';
import { isAgencyRole } from '../../domain/roles.js';
import type { Caller, ServiceDeps } from '../ports/deps.js';
import { openCallerRequest, requestView } from './open-request.js';
import { newEntry } from './timeline.js';
import type { RequestView } from '../views.js';

/** Assigns an active request to an agency person (or nobody, with `null`); agency staff only. */
export const assignRequest = async (deps: ServiceDeps, caller: Caller, requestId: string, assigneeId: string | null): Promise<RequestView> => {
  const { user, request, level, actor } = await openCallerRequest(deps, caller, requestId);
  if (!isAgencyRole(user.role)) throw new ForbiddenError('Only agency staff assign requests');
  if (!isActive(request.status)) throw new ConflictError(`Request ${requestId} is ${words(request.status)}; finished requests are not assigned`, 'Nothing to do');
  const assignee = assigneeId === null ? undefined : await deps.users.getUser(assigneeId);
  if (assigneeId !== null && (!assignee || !isAgencyRole(assignee.role) || !hasAccess(assignee))) {
    throw new ValidationError([{ field: 'body.assigneeId', reason: 'is not an agency person with access (deactivated people are not assigned)' }]);
  }
  if (assignee?.userId === request.assigneeId) return requestView(deps, user, { request, level });
  const at = deps.now().toISOString();
  const entry = newEntry(deps, actor, requestId, at, {
    kind: 'assignee_changed',
    details: { ...(request.assigneeId ? { from: request.assigneeId } : {}), ...(assignee ? { to: assignee.userId, toName: assignee.name } : {}) },
  });
  const after = afterAssignment(request, assignee?.userId, at);
  await deps.unitOfWork.commit([deps.requests.update(request, after), deps.timeline.append(entry)]);
  return requestView(deps, user, { request: after, level });
};
