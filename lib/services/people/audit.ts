import type { AuditAction, AuditEntry } from '../../domain/audit.js';
import { ForbiddenError, NotFoundError } from '../../domain/errors.js';
import { agencyScope } from '../../domain/audit.js';
import type { User } from '../../domain/user.js';
import type { Page } from '../ports/common.js';
import type { Caller, OrganisationAdminDeps, PeopleDeps } from '../ports/deps.js';
import type { Write } from '../ports/common.js';
import { resolveCaller } from './caller.js';

/** The log line of a change, written in the change's own transaction: no change goes unrecorded. */
export const logged = (
  deps: Pick<PeopleDeps, 'audit' | 'newId'>,
  at: string,
  actor: Pick<User, 'userId' | 'name'>,
  scope: string,
  action: AuditAction,
  target: { id: string; name: string },
  details: Record<string, unknown> = {},
): Write =>
  deps.audit.append({ entryId: deps.newId(), at, scope, action, actorId: actor.userId, actorName: actor.name, targetId: target.id, targetName: target.name, details });

/** An organisation's log, newest first: its client admins and the agency's admins read it. */
export const readOrganisationLog = async (deps: OrganisationAdminDeps, caller: Caller, orgId: string, limit: number, cursor?: string): Promise<Page<AuditEntry>> => {
  const actor = await resolveCaller(deps.users, caller.userId);
  const own = actor.role === 'client_admin' && actor.orgId === orgId;
  if (!own && actor.role !== 'admin') {
    if (actor.orgId === orgId || actor.role === 'agent') throw new ForbiddenError('Only the organisation’s admins and the agency’s admins read its log');
    throw new NotFoundError(`Organisation ${orgId}`);
  }
  if (!own && !(await deps.organisations.getOrganisation(orgId))) throw new NotFoundError(`Organisation ${orgId}`);
  return deps.audit.page(orgId, limit, cursor);
};

/** The log of the agency's staff changes: the agency's admins read it. */
export const readStaffLog = async (deps: OrganisationAdminDeps, caller: Caller, limit: number, cursor?: string): Promise<Page<AuditEntry>> => {
  const actor = await resolveCaller(deps.users, caller.userId);
  if (actor.role !== 'admin') throw new ForbiddenError('Only the agency’s admins read the log of its staff');
  return deps.audit.page(agencyScope, limit, cursor);
};
