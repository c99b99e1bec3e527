import type { Request } from './request.js';
import type { OrganisationSettings } from './organisation.js';
import { isAgencyRole, type Role } from './roles.js';
import type { User } from './user.js';

/**
 * How a person relates to one request. `none` must look exactly like a missing request (404):
 * nobody learns that another organisation's request exists.
 */
export type AccessLevel = 'agency' | 'org_admin' | 'org_member' | 'participant' | 'none';

export const accessLevel = (user: Pick<User, 'role' | 'orgId'>, request: Pick<Request, 'orgId'>, isParticipant: boolean): AccessLevel => {
  if (isAgencyRole(user.role)) return 'agency';
  if (user.orgId === request.orgId && user.role === 'client_admin') return 'org_admin';
  if (user.orgId === request.orgId && user.role === 'client_member') return 'org_member';
  return isParticipant ? 'participant' : 'none';
};

/** The role a person acts in on this request (a client of another org invited here is a participant). */
export const actingRole = (level: Exclude<AccessLevel, 'none'>, user: Pick<User, 'role'>) =>
  level === 'agency' ? user.role : level === 'org_admin' ? 'client_admin' : level === 'org_member' ? 'client_member' : 'participant';

/** Internal notes and internal attachments are for agency eyes only. */
export const seesInternal = (level: AccessLevel): boolean => level === 'agency';

/**
 * Who decides for the client organisation: its admins and members. Its offers and the review of
 * its deliveries bind it, so they are its own, not the agency's nor an invited participant's.
 */
export const decidesForClient = (level: AccessLevel): boolean => level === 'org_admin' || level === 'org_member';

/**
 * Who sees the record of a client's decision beyond the fact of it: the evidence of a binding act
 * (the IP address and browser an offer's acceptance or a review came from) and what the client
 * said to the agency with an acceptance (a delivery's rating and comment). That is the client
 * organisation's and the agency's. An invited participant, often an outside partner, sees that
 * it was decided, by whom and when (and a declined offer's reason, which is what a revised offer
 * answers: see `toOfferView`).
 */
export const seesDecisionRecord = (level: AccessLevel): boolean => level === 'agency' || decidesForClient(level);

/** Who may invite people to a request and remove them. */
export const mayManagePeople = (level: AccessLevel): boolean => level === 'agency' || level === 'org_admin';

/**
 * Who may reorder an organisation's queue: the ranking is the client's own voice, so its admins
 * may, its members when the organisation allows it, and the agency does not reorder a client.
 */
export const mayRank = (user: User, orgId: string, settings: Pick<OrganisationSettings, 'membersMayRank'>): boolean =>
  user.orgId === orgId && (user.role === 'client_admin' || (user.role === 'client_member' && settings.membersMayRank));

/**
 * Who may accept an offer, which makes it a binding order: the organisation's admins, its members
 * when the organisation allows it (`settings`: the organisation's, needed only for a member).
 */
export const mayAcceptOffers = (role: Role, settings: Pick<OrganisationSettings, 'membersMayAcceptOffers'> | undefined): boolean =>
  role === 'client_admin' || (role === 'client_member' && settings?.membersMayAcceptOffers === true);

/** Who may see an organisation and its queue: its own people and the agency. */
export const maySeeOrganisation = (user: User, orgId: string): boolean =>
  isAgencyRole(user.role) || (user.orgId === orgId && (user.role === 'client_admin' || user.role === 'client_member'));

/** Who may change an organisation's settings: its admins and the agency's admins. */
export const mayManageOrganisation = (user: User, orgId: string): boolean =>
  user.role === 'admin' || (user.orgId === orgId && user.role === 'client_admin');
