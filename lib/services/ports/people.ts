import type { Organisation } from '../../domain/organisation.js';
import type { Request } from '../../domain/request.js';
import type { User } from '../../domain/user.js';
import type { Language } from '../../domain/mail/preferences.js';
import type { Platform } from '../../domain/platform.js';
import type { AuditEntry } from '../../domain/audit.js';
import type { Page, Write } from './common.js';

/** The ports of organisations and people: who calls, and the invitations that create logins. */

export interface OrganisationStore {
  getOrganisation(orgId: string): Promise<Organisation | undefined>;
  /** Conditional on the organisation as read: a concurrent change is a ConflictError. */
  updateSettings(organisation: Organisation, next: Organisation): Write;
}

/** Organisations as the agency administers them: created, listed, found, changed. */
export interface OrganisationAdmin {
  /** Conditional on no organisation having the id. */
  create(organisation: Organisation): Write;
  /** `next` replaces `read`, conditional on `read`'s version (a concurrent change is a ConflictError). */
  replace(read: Organisation, next: Organisation): Write;
  /** By name (diacritics and case ignored); `query` matches a part of the name or the IČO. */
  list(query: string | undefined, limit: number, cursor?: string): Promise<Page<Organisation>>;
}

export interface UserLookup {
  getUser(userId: string): Promise<User | undefined>;
  findByEmail(email: string): Promise<User | undefined>;
}

/** The people's user items, written as the domain decides (each write conditional on the version read). */
export interface PeopleStore extends UserLookup {
  /** A new person and their address's claim: a ConflictError if the address has an account already. */
  create(user: User): Write[];
  /** `next` replaces `read`, conditional on `read`'s version. */
  replace(read: User, next: User): Write;
  /** Checks `user` is still as read (e.g. the admin who stays when another one steps down). */
  unchanged(user: User): Write;
  /** Deletes the user item and the address's claim, conditional on the version read. */
  remove(user: User): Write[];
  /** An organisation's people, by address. */
  listOrganisation(orgId: string): Promise<User[]>;
  /** The agency's staff, by address. */
  listStaff(): Promise<User[]>;
}

/** The log of who did what to whom: one per organisation, one for the agency's staff. */
export interface AuditLog {
  append(entry: AuditEntry): Write;
  /** Newest first. */
  page(scope: string, limit: number, cursor?: string): Promise<Page<AuditEntry>>;
}

/** What an invitation mail says: in whose brand and language, to what. */
export interface InvitationMail {
  platform: Platform;
  language: Language;
  /** The organisation the person joins, or the request they are invited to. */
  organisationName?: string;
  requestId?: string;
  requestTitle?: string;
}

/**
 * The logins (Cognito): who can sign in. What a person may do is the user item's; this only lets
 * them in, or not. Addressed by e-mail (an alias of the login).
 */
export interface AccountDirectory {
  /** Creates the login and mails the invitation with a temporary password; answers the login's id (`sub`). Adopts a login an earlier, half-done invitation left. */
  invite(email: string, name: string, mail: InvitationMail): Promise<string>;
  /** A new temporary password, mailed again: only while the person has not signed in yet (else a ConflictError). */
  resendInvitation(email: string, mail: InvitationMail): Promise<void>;
  /** Whether the person still has to sign in for the first time (Cognito's FORCE_CHANGE_PASSWORD); undefined without a login. */
  awaitingFirstSignIn(email: string): Promise<boolean | undefined>;
  /** No more sign-ins, and every refresh token revoked. */
  disable(email: string): Promise<void>;
  enable(email: string): Promise<void>;
  /** The login is gone; a missing one is fine (erasing twice is harmless). */
  delete(email: string): Promise<void>;
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
 * request (and the caller's invitation to it) or the organisation the call names. Everything is
 * read on every call, the user item included: a deactivated person's next call is refused,
 * whatever token they hold.
 */
export interface CallerContextReader {
  read(userId: string, about: { requestId?: string; orgId?: string }): Promise<CallerContext>;
  /**
   * The caller's user item as last read by this process, possibly stale. A hint of what the call
   * will need, so that a read can start alongside the caller's; never a grant of anything.
   */
  recent(userId: string): User | undefined;
}
