// What the people pages read from a list of people: no Preact, no DOM, so unit tests run it in Node.
import type { Schemas } from '../api/client.js';
import type { Language } from '../words.js';

export type Person = Schemas['Person'];

/** Whose people: a client organisation's (its admins and the agency's manage them) or the agency's staff. */
export type PeopleScope = { kind: 'organisation'; orgId: string; language: Language; deactivated: boolean } | { kind: 'staff' };
export type PersonRole = Person['role'];

/** The two roles of a person's kind: a client organisation's, or the agency's staff's. */
export const rolesOf = (person: Pick<Person, 'orgId'>): { admin: PersonRole; other: PersonRole } =>
  person.orgId ? { admin: 'client_admin', other: 'client_member' } : { admin: 'admin', other: 'agent' };

/** The role a role change offers: the other one of the person's kind (each kind has two). */
export const toggledRole = (person: Pick<Person, 'orgId' | 'role'>): PersonRole => {
  const { admin, other } = rolesOf(person);
  return person.role === admin ? other : admin;
};

/** An admin of their kind who is not deactivated (an invited one counts, as the API counts them). */
export const countsAsAdmin = (person: Person): boolean => person.role === rolesOf(person).admin && person.state !== 'deactivated';

/**
 * Whether `person` is the last admin of their kind in `people`: the API refuses to demote,
 * deactivate, remove or erase them (409) until someone else is admin.
 */
export const isLastAdmin = (person: Person, people: readonly Person[]): boolean =>
  countsAsAdmin(person) && !people.some((other) => other.userId !== person.userId && countsAsAdmin(other));

/** The steps an admin takes on a person. */
export type PersonStep = 'role' | 'deactivate' | 'reactivate' | 'resend' | 'remove' | 'export' | 'erase';

/** What a 409 on a person's step stood for, read from the list as it is after the refusal. */
export type PersonConflict = 'lastAdmin' | 'organisationDeactivated' | 'signedInAlready' | 'deactivatedAlready' | 'changed';

/**
 * Every 409 of these routes has the same code; which rule it stands for follows from the step and
 * the person as they are now (`fresh`: the list read again after the refusal), not from the
 * API's English message. Anything else is a change made meanwhile by someone else.
 */
export const personConflict = (step: PersonStep, userId: string, fresh: readonly Person[]): PersonConflict => {
  const now = fresh.find((person) => person.userId === userId);
  if (!now) return 'changed';
  if ((step === 'role' || step === 'deactivate' || step === 'remove' || step === 'erase') && isLastAdmin(now, fresh)) return 'lastAdmin';
  if ((step === 'reactivate' || step === 'resend') && now.organisationDeactivated) return 'organisationDeactivated';
  if (step === 'resend' && now.state === 'active') return 'signedInAlready';
  if (step === 'resend' && now.state === 'deactivated') return 'deactivatedAlready';
  return 'changed';
};

/** What a 409 on an invitation stood for: one address, one account (docs/people.md). */
export type InviteConflict = 'alreadyHere' | 'alreadyHereDeactivated' | 'organisationDeactivated' | 'addressTaken';

export const inviteConflict = (email: string, people: readonly Person[], organisationDeactivated: boolean): InviteConflict => {
  const address = email.trim().toLowerCase();
  const here = people.find((person) => person.email.toLowerCase() === address);
  if (here) return here.state === 'deactivated' ? 'alreadyHereDeactivated' : 'alreadyHere';
  return organisationDeactivated ? 'organisationDeactivated' : 'addressTaken';
};
