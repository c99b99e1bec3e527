import type { Organisation, OrganisationSettings } from '../../domain/organisation.js';
import type { Request } from '../../domain/request.js';
import type { User } from '../../domain/user.js';
import type { Language } from '../../domain/mail/preferences.js';
import type { Platform } from '../../domain/platform.js';

/** The ports of organisations and people: who calls, and the invitations that create logins. */

export interface OrganisationStore {
  getOrganisation(orgId: string): Promise<Organisation | undefined>;
  /** Conditional on the organisation as read: a concurrent change is a ConflictError. */
  updateSettings(organisation: Organisation, settings: Partial<OrganisationSettings>, updatedAt: string): Promise<Organisation>;
}

export interface UserLookup {
  getUser(userId: string): Promise<User | undefined>;
  findByEmail(email: string): Promise<User | undefined>;
}

/** The caller's user item and what their call is about, as read together. */
export interface CallerContext {
  user?: User;
  request?: Request;
  /** Whether the caller is invited to `request` (false when no request was asked for). */
  isParticipant: boolean;
  organisation?: Organisation;
}

/**
 * Reads what a call needs to decide access in one round trip: the caller's user item with the
 * request (and the caller's invitation to it) or the organisation the call names. The user item
 * may be one this process read a few seconds ago (role and organisation changes take effect
 * within seconds); the request, the invitation and the organisation are always read.
 */
export interface CallerContextReader {
  read(userId: string, about: { requestId?: string; orgId?: string }): Promise<CallerContext>;
  /**
   * The caller's user item as last read by this process, possibly stale. A hint of what the call
   * will need, so that a read can start alongside the caller's; never a grant of anything.
   */
  recent(userId: string): User | undefined;
}

/** What the invitation mail says: the request, in its platform's brand and the inviter's language. */
export interface InvitationContext {
  requestId: string;
  requestTitle: string;
  platform: Platform;
  language: Language;
}

export interface UserInvitations {
  /** Creates the login (an invitation mail goes out, written for `to`) and the user item of a new participant. */
  inviteNewUser(email: string, name: string, now: Date, to: InvitationContext): Promise<User>;
}
