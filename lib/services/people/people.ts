import { auditScopeOf, type AuditAction } from '../../domain/audit.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../../domain/errors.js';
import type { Language } from '../../domain/mail/preferences.js';
import type { Organisation } from '../../domain/organisation.js';
import {
  changed,
  invitationExpiry,
  isActiveAdmin,
  managedPerson,
  mayManagePeopleOf,
  mustBeRoleOfKind,
  mustNotBeSelf,
  personState,
  remainingAdmin,
  seesPeopleOf,
  type ClientRole,
  type StaffRole,
  visiblePerson,
} from '../../domain/people.js';
import { isAgencyRole, type Role } from '../../domain/roles.js';
import type { User } from '../../domain/user.js';
import type { InvitationMail } from '../ports/people.js';
import type { Caller, PeopleDeps } from '../ports/deps.js';
import type { PersonView } from '../views.js';
import { logged } from './audit.js';
import { resolveCaller } from './caller.js';

export interface NewPerson<R extends Role> {
  email: string;
  name: string;
  role: R;
  language?: Language;
}

/** The agency's brand and language when a person joins the staff (the agency works in Czech). */
const staffMail = (language: Language): InvitationMail => ({ platform: 'azami', language });

const organisationMail = (organisation: Organisation, language: Language): InvitationMail => ({
  platform: organisation.platform,
  language,
  organisationName: organisation.name,
});

/** A person as their admins see them; `awaitingFirstSignIn` is asked of Cognito only for people invited and not deactivated. */
const viewOf = async (deps: Pick<PeopleDeps, 'accounts' | 'now'>, user: User): Promise<PersonView> => {
  const waiting = user.invitedAt !== undefined && !user.deactivatedAt ? ((await deps.accounts.awaitingFirstSignIn(user.email)) ?? false) : false;
  const { userId, email, name, role, orgId, language, createdAt, invitedAt, invitationExpiresAt, deactivatedAt, version } = user;
  return {
    userId,
    email,
    name,
    role,
    orgId,
    language,
    createdAt,
    invitedAt,
    invitationExpiresAt,
    deactivatedAt,
    version,
    state: personState(user, waiting, deps.now()),
    organisationDeactivated: user.organisationDeactivatedAt !== undefined,
  };
};

/** An organisation the actor may see, or a 404 (someone else's looks missing). */
const organisationFor = async (deps: PeopleDeps, actor: User, orgId: string): Promise<Organisation> => {
  const organisation = seesPeopleOf(actor, orgId) ? await deps.organisations.getOrganisation(orgId) : undefined;
  if (!organisation) throw new NotFoundError(`Organisation ${orgId}`);
  return organisation;
};

/**
 * One address, one account. A person who has one (in this organisation, another, the agency's
 * staff, or a participant of a single request) is not invited again: a person belongs to one
 * organisation, whose queue they rank and whose offers they accept, so joining another would
 * silently carry their access along. They can be invited to a single request instead.
 */
const mustBeNewAddress = async (deps: PeopleDeps, email: string, orgId: string | undefined): Promise<void> => {
  const existing = await deps.users.findByEmail(email);
  if (!existing) return;
  if (existing.orgId !== undefined && existing.orgId === orgId) throw new ConflictError(`${email} is one of the organisation’s people already`, existing.deactivatedAt ? 'Reactivate them instead' : 'Nothing to do; if their invitation expired, send it again');
  throw new ConflictError(
    `${email} already has an orderdesk account`,
    orgId ? 'A person belongs to one organisation: invite them to a single request instead, or ask the agency to move them' : 'Use another address for the agency’s work, or ask the agency’s admins',
  );
};

/** Creates the login (Cognito mails the invitation) and the user item, with its log line. */
const invite = async (deps: PeopleDeps, actor: Pick<User, 'userId' | 'name'>, input: NewPerson<Role>, orgId: string | undefined, mail: InvitationMail): Promise<PersonView> => {
  const email = input.email.toLowerCase();
  await mustBeNewAddress(deps, email, orgId);
  const now = deps.now();
  const at = now.toISOString();
  const userId = await deps.accounts.invite(email, input.name, mail);
  const user: User = {
    userId,
    email,
    name: input.name,
    role: input.role,
    ...(orgId ? { orgId } : {}),
    language: mail.language,
    createdAt: at,
    invitedAt: at,
    invitedBy: actor.userId,
    invitationExpiresAt: invitationExpiry(now),
    version: 1,
  };
  // Should this fail, the login stays without a user item: the next invitation adopts it.
  await deps.unitOfWork.commit([
    ...deps.people.create(user),
    logged(deps, at, actor, auditScopeOf(user), 'person_invited', { id: userId, name: user.name }, { email, role: user.role }),
  ]);
  return viewOf(deps, user);
};

/** Invites a person into a client organisation (its client admins, the agency's admins). */
export const invitePerson = async (deps: PeopleDeps, caller: Caller, orgId: string, input: NewPerson<ClientRole>): Promise<PersonView> => {
  const actor = await resolveCaller(deps.users, caller.userId);
  const organisation = await organisationFor(deps, actor, orgId);
  if (!mayManagePeopleOf(actor, orgId)) throw new ForbiddenError('Only the organisation’s admins (or the agency’s) invite its people');
  if (organisation.deactivatedAt) throw new ConflictError(`${organisation.name} is deactivated`, 'Reactivate the organisation first (the agency’s admins)');
  const language = input.language ?? organisation.language;
  return invite(deps, actor, { ...input, language }, orgId, organisationMail(organisation, language));
};

/** Invites an agent or an admin to the agency's staff (the agency's admins). */
export const inviteStaff = async (deps: PeopleDeps, caller: Caller, input: NewPerson<StaffRole>): Promise<PersonView> => {
  const actor = await resolveCaller(deps.users, caller.userId);
  if (actor.role !== 'admin') throw new ForbiddenError('Only the agency’s admins invite its staff');
  const language = input.language ?? 'cs';
  return invite(deps, actor, { ...input, language }, undefined, staffMail(language));
};

/**
 * The agency's first admin, invited by whoever deploys a stage (`npm run first-admin`), since no
 * one can sign in to invite them: only while the agency has no admin, so it adds nobody later.
 */
export const inviteFirstAdmin = async (deps: PeopleDeps, input: Omit<NewPerson<'admin'>, 'role'>): Promise<PersonView> => {
  if ((await deps.people.listStaff()).some(isActiveAdmin)) {
    throw new ConflictError('The agency has an admin already', 'Sign in as them and invite more staff (POST /staff)');
  }
  const language = input.language ?? 'cs';
  return invite(deps, { userId: 'deployment', name: 'orderdesk deployment' }, { ...input, role: 'admin', language }, undefined, staffMail(language));
};

/** An organisation's people and their state: its client admins and the agency's staff read it. */
export const listPeople = async (deps: PeopleDeps, caller: Caller, orgId: string): Promise<PersonView[]> => {
  const actor = await resolveCaller(deps.users, caller.userId);
  await organisationFor(deps, actor, orgId);
  if (!isAgencyRole(actor.role) && actor.role !== 'client_admin') throw new ForbiddenError('Only the organisation’s admins (and the agency) list its people');
  return Promise.all((await deps.people.listOrganisation(orgId)).map((user) => viewOf(deps, user)));
};

/** The agency's staff and their state (agency staff read it). */
export const listStaff = async (deps: PeopleDeps, caller: Caller): Promise<PersonView[]> => {
  const actor = await resolveCaller(deps.users, caller.userId);
  if (!isAgencyRole(actor.role)) throw new ForbiddenError('Only the agency’s staff list its staff');
  return Promise.all((await deps.people.listStaff()).map((user) => viewOf(deps, user)));
};

/** The actor and a person they manage (404 for someone else's, 403 for a role that doesn't manage). */
const managed = async (deps: PeopleDeps, caller: Caller, userId: string): Promise<{ actor: User; target: User }> => {
  const [actor, target] = await Promise.all([resolveCaller(deps.users, caller.userId), deps.users.getUser(userId)]);
  return { actor, target: managedPerson(actor, target, userId) };
};

/** One person, as their admins and the agency see them (the person themselves too). */
export const getPerson = async (deps: PeopleDeps, caller: Caller, userId: string): Promise<PersonView> => {
  const [actor, target] = await Promise.all([resolveCaller(deps.users, caller.userId), deps.users.getUser(userId)]);
  return viewOf(deps, visiblePerson(actor, target, userId));
};

/** The people who could stay admin if `target` steps down: their organisation's, or the staff. */
const peersOf = (deps: PeopleDeps, target: User) => (target.orgId ? deps.people.listOrganisation(target.orgId) : deps.people.listStaff());

/** A version the caller read, if they sent one: a change decided on an older read is a 409. */
const mustBeVersion = (target: User, version: number | undefined) => {
  if (version !== undefined && version !== (target.version ?? 0)) {
    throw new ConflictError(`${target.name} was changed by someone else since you read them (version ${target.version ?? 0}, not ${version})`, 'Reload the person and try again');
  }
};

/**
 * Writes a change of `target` with its log line, and keeps one admin: if the change takes them
 * away from their kind's admins, another admin is checked unchanged in the same transaction.
 */
const commitChange = async (deps: PeopleDeps, actor: User, target: User, next: User | undefined, action: AuditAction, details: Record<string, unknown>) => {
  const other = remainingAdmin(target, next, await peersOf(deps, target));
  const at = deps.now().toISOString();
  await deps.unitOfWork.commit([
    ...(next ? [deps.people.replace(target, next)] : deps.people.remove(target)),
    ...(other ? [deps.people.unchanged(other)] : []),
    logged(deps, at, actor, auditScopeOf(target), action, { id: target.userId, name: target.name }, details),
  ]);
};

export const changeRole = async (deps: PeopleDeps, caller: Caller, userId: string, input: { role: Role; version?: number }): Promise<PersonView> => {
  const { actor, target } = await managed(deps, caller, userId);
  mustNotBeSelf(actor, target, 'change the role of');
  mustBeRoleOfKind(target, input.role);
  mustBeVersion(target, input.version);
  if (target.role === input.role) return viewOf(deps, target);
  const next = changed(target, { role: input.role });
  await commitChange(deps, actor, target, next, 'role_changed', { role: { from: target.role, to: input.role } });
  return viewOf(deps, next);
};

/**
 * Takes a person's access away at once: their next call is refused (every call reads the user
 * item), they can't sign in, and their refresh tokens are revoked. What they wrote stays theirs.
 */
export const deactivatePerson = async (deps: PeopleDeps, caller: Caller, userId: string): Promise<PersonView> => {
  const { actor, target } = await managed(deps, caller, userId);
  mustNotBeSelf(actor, target, 'deactivate');
  let next = target;
  if (!target.deactivatedAt) {
    next = changed(target, { deactivatedAt: deps.now().toISOString() });
    await commitChange(deps, actor, target, next, 'person_deactivated', {});
  }
  // Also when deactivated already: a retry after Cognito failed finishes the job.
  await deps.accounts.disable(target.email);
  return viewOf(deps, next);
};

export const reactivatePerson = async (deps: PeopleDeps, caller: Caller, userId: string): Promise<PersonView> => {
  const { actor, target } = await managed(deps, caller, userId);
  if (target.organisationDeactivatedAt) throw new ConflictError(`${target.name}’s organisation is deactivated`, 'Ask the agency’s admins to reactivate the organisation');
  let next = target;
  if (target.deactivatedAt) {
    const { deactivatedAt: _deactivatedAt, ...rest } = target;
    next = changed(rest, {});
    await commitChange(deps, actor, target, next, 'person_reactivated', {});
  }
  await deps.accounts.enable(target.email);
  return viewOf(deps, next);
};

/**
 * Removes a person from their organisation: the login and the user item go, so the address can be
 * invited again. Their name stays on what they wrote (timelines store it). The agency's staff are
 * deactivated rather than removed: requests stay assigned to them.
 */
export const removePerson = async (deps: PeopleDeps, caller: Caller, userId: string): Promise<void> => {
  const { actor, target } = await managed(deps, caller, userId);
  mustNotBeSelf(actor, target, 'remove');
  if (!target.orgId) throw new ConflictError('The agency’s staff are not removed: the requests assigned to them and their ratings stay theirs', 'Deactivate them instead');
  await commitChange(deps, actor, target, undefined, 'person_removed', { email: target.email, role: target.role });
  await deps.accounts.delete(target.email);
};

/** A new temporary password, mailed again, valid for another week: only before the first sign-in. */
export const resendInvitation = async (deps: PeopleDeps, caller: Caller, userId: string): Promise<PersonView> => {
  const { actor, target } = await managed(deps, caller, userId);
  if (target.deactivatedAt || target.organisationDeactivatedAt) throw new ConflictError(`${target.name} is deactivated`, 'Reactivate them first');
  const organisation = target.orgId ? await deps.organisations.getOrganisation(target.orgId) : undefined;
  const language = target.language ?? organisation?.language ?? 'cs';
  await deps.accounts.resendInvitation(target.email, organisation ? organisationMail(organisation, language) : staffMail(language));
  const now = deps.now();
  const next = changed(target, { invitedAt: now.toISOString(), invitedBy: actor.userId, invitationExpiresAt: invitationExpiry(now) });
  await deps.unitOfWork.commit([
    deps.people.replace(target, next),
    logged(deps, now.toISOString(), actor, auditScopeOf(target), 'invitation_resent', { id: target.userId, name: target.name }, { email: target.email }),
  ]);
  return viewOf(deps, next);
};

