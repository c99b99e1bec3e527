import * as z from 'zod';
import { ConflictError, ForbiddenError, NotFoundError } from './errors.js';
import { addSeconds } from './time.js';
import { isAgencyRole, type Role } from './roles.js';
import type { User } from './user.js';

/** The roles of a client organisation's people, and of the agency's staff. */
export const ClientRole = z.enum(['client_admin', 'client_member']);
export type ClientRole = z.infer<typeof ClientRole>;
export const StaffRole = z.enum(['agent', 'admin']);
export type StaffRole = z.infer<typeof StaffRole>;

/**
 * How long an invitation's temporary password works: Cognito's TemporaryPasswordValidityDays,
 * set to the same number on the pool (infra/data/user-pool.ts). An admin can send it again.
 */
export const invitationValidityDays = 7;

export const invitationExpiry = (invitedAt: Date): string => addSeconds(invitedAt, invitationValidityDays * 86_400).toISOString();

/** A person as an admin sees them: `invited` until their first sign-in, `invitation_expired` past its validity. */
export const PersonState = z.enum(['invited', 'invitation_expired', 'active', 'deactivated']);
export type PersonState = z.infer<typeof PersonState>;

/** `awaitingFirstSignIn`: Cognito still holds the temporary password (FORCE_CHANGE_PASSWORD). */
export const personState = (user: User, awaitingFirstSignIn: boolean, now: Date): PersonState => {
  if (user.deactivatedAt) return 'deactivated';
  if (!awaitingFirstSignIn) return 'active';
  return user.invitationExpiresAt && user.invitationExpiresAt <= now.toISOString() ? 'invitation_expired' : 'invited';
};

/** Whether a person may sign in and call: neither they nor their organisation are deactivated. */
export const hasAccess = (user: Pick<User, 'deactivatedAt' | 'organisationDeactivatedAt'>): boolean => !user.deactivatedAt && !user.organisationDeactivatedAt;

/**
 * Whether a person may call at all: not while deactivated, nor while their organisation is. The
 * user item is read on every call, so this holds from the next call on, whatever token they hold.
 */
export const mustHaveAccess = (user: User): User => {
  if (user.deactivatedAt) throw new ForbiddenError('Your access to orderdesk was deactivated; ask your organisation’s admin (or the agency) to reactivate it');
  if (user.organisationDeactivatedAt) throw new ForbiddenError('Your organisation’s access to orderdesk was deactivated; ask the agency to reactivate it');
  return user;
};

/** Who manages the people of organisation `orgId`: its own admins and the agency's admins. */
export const mayManagePeopleOf = (actor: User, orgId: string): boolean =>
  actor.role === 'admin' || (actor.role === 'client_admin' && actor.orgId === orgId);

/**
 * What `actor` may do with `target`: `manage` them (their organisation's client admins and the
 * agency's admins; the agency's admins for staff and participants), `read` them (agency staff read
 * everyone), be `refused` (a member asking about a colleague: 403), or not know them at all
 * (`hidden`: someone else's person answers like a missing one, 404).
 */
export const relationTo = (actor: User, target: User): 'manage' | 'read' | 'refused' | 'hidden' => {
  if (target.orgId) {
    if (!seesPeopleOf(actor, target.orgId)) return 'hidden';
    return mayManagePeopleOf(actor, target.orgId) ? 'manage' : isAgencyRole(actor.role) ? 'read' : 'refused';
  }
  // The agency's staff, or a participant of single requests: the agency's to manage.
  if (!isAgencyRole(actor.role)) return 'hidden';
  return actor.role === 'admin' ? 'manage' : 'read';
};

/** A person the actor may manage, or the refusal they get (404 for someone else's, 403 for a role that doesn't manage). */
export const managedPerson = (actor: User, target: User | undefined, userId: string): User => {
  const relation = target ? relationTo(actor, target) : 'hidden';
  if (!target || relation === 'hidden') throw new NotFoundError(`Person ${userId}`);
  if (relation !== 'manage') throw new ForbiddenError(target.orgId ? 'Only the organisation’s admins (or the agency’s) manage its people' : 'Only the agency’s admins manage its staff and participants');
  return target;
};

/** A person the actor may see: themselves, or someone they manage or read. */
export const visiblePerson = (actor: User, target: User | undefined, userId: string): User => {
  if (target && target.userId === actor.userId) return target;
  const relation = target ? relationTo(actor, target) : 'hidden';
  if (!target || relation === 'hidden') throw new NotFoundError(`Person ${userId}`);
  if (relation === 'refused') throw new ForbiddenError('Only the organisation’s admins (and the agency) see its people’s state');
  return target;
};

/** Who sees an organisation's people: its own people and the agency's staff. */
export const seesPeopleOf = (actor: User, orgId: string): boolean => isAgencyRole(actor.role) || actor.orgId === orgId;

/** Nobody changes their own role or takes away their own access: another admin does. */
export const mustNotBeSelf = (actor: User, target: User, what: string): void => {
  if (actor.userId === target.userId) throw new ForbiddenError(`You can’t ${what} yourself; ask another admin`);
};

/** The roles a person of this kind may be given: a client stays a client, staff stay staff. */
export const mustBeRoleOfKind = (target: User, role: Role): void => {
  const fits = target.orgId ? ClientRole.safeParse(role).success : StaffRole.safeParse(role).success;
  if (!fits) throw new ConflictError(`A ${target.orgId ? 'client organisation’s person' : 'member of the agency’s staff'} can’t become ${role}`, target.orgId ? 'Choose client_admin or client_member' : 'Choose agent or admin');
};

/** The role that administers a person's kind: their organisation's client admins, or the agency's admins. */
const adminRoleOf = (person: Pick<User, 'orgId'>): Role => (person.orgId ? 'client_admin' : 'admin');

/** Whether a person counts towards the admins of their kind: an admin not deactivated (invited ones count). */
export const isActiveAdmin = (user: User): boolean => user.role === adminRoleOf(user) && !user.deactivatedAt;

/**
 * An organisation always keeps one client admin who is not deactivated, and the agency one admin:
 * a change that takes `target` away from them needs another (`others`: the people of the same
 * organisation, or the staff). The one found is checked unchanged in the same transaction, so two
 * admins demoting each other at once can't both succeed. Answers that other admin, or undefined
 * if `target` stays one (`next`: the person after the change; undefined when removed).
 */
export const remainingAdmin = (target: User, next: User | undefined, others: readonly User[]): User | undefined => {
  if (!isActiveAdmin(target) || (next && isActiveAdmin(next))) return undefined;
  const other = others.find((person) => person.userId !== target.userId && isActiveAdmin(person));
  if (!other) {
    const role = adminRoleOf(target);
    throw new ConflictError(
      `${target.name} is the ${target.orgId ? 'organisation’s' : 'agency’s'} last ${role}, and ${target.orgId ? 'an organisation' : 'the agency'} always keeps one`,
      `Make another person ${role} first (invite one, or change someone’s role), then try again`,
    );
  }
  return other;
};

/** The next version of a person after a change (conditional writes compare the one read). */
export const changed = (user: User, change: Partial<Omit<User, 'userId' | 'version'>>): User => ({ ...user, ...change, version: (user.version ?? 0) + 1 });
