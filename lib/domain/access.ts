import type { Request } from './request.js';
import { isAgencyRole } from './roles.js';
import type { User } from './user.js';

/**
 * How a person relates to one request. `none` must look exactly like a missing request (404):
 * nobody learns that another organisation's request exists.
 */
export type AccessLevel = 'agency' | 'org_admin' | 'org_member' | 'participant' | 'none';

export const accessLevel = (user: User, request: Pick<Request, 'orgId'>, isParticipant: boolean): AccessLevel => {
  if (isAgencyRole(user.role)) return 'agency';
  if (user.orgId === request.orgId && user.role === 'client_admin') return 'org_admin';
  if (user.orgId === request.orgId && user.role === 'client_member') return 'org_member';
  return isParticipant ? 'participant' : 'none';
};

/** The role a person acts in on this request (a client of another org invited here is a participant). */
export const actingRole = (level: Exclude<AccessLevel, 'none'>, user: User) =>
  level === 'agency' ? user.role : level === 'org_admin' ? 'client_admin' : level === 'org_member' ? 'client_member' : 'participant';

/** Internal notes and internal attachments are for agency eyes only. */
export const seesInternal = (level: AccessLevel): boolean => level === 'agency';

/** Who may invite people to a request and remove them. */
export const mayManagePeople = (level: AccessLevel): boolean => level === 'agency' || level === 'org_admin';
