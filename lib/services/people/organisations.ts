import { mayManageOrganisation, maySeeOrganisation } from '../../domain/access.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../../domain/errors.js';
import { defaultLanguage, type Language } from '../../domain/mail/preferences.js';
import { changed } from '../../domain/people.js';
import type { Platform } from '../../domain/platform.js';
import { isAgencyRole } from '../../domain/roles.js';
import type { Page } from '../ports/common.js';
import { changesBetween } from '../../domain/audit.js';
import { logged } from './audit.js';
import type { Organisation, OrganisationSettings } from '../../domain/organisation.js';
import type { BillingDetails } from '../../domain/orders/billing.js';
import type { User } from '../../domain/user.js';
import { resolveCaller } from './caller.js';
import type { Caller, OrganisationAdminDeps, OrganisationDeps, PeopleDeps } from '../ports/deps.js';

/** Someone outside an organisation can't tell it from a missing one. */
const visibleOrganisation = async (deps: OrganisationDeps, user: User, orgId: string): Promise<Organisation> => {
  const organisation = maySeeOrganisation(user, orgId) ? await deps.organisations.getOrganisation(orgId) : undefined;
  if (!organisation) throw new NotFoundError(`Organisation ${orgId}`);
  return organisation;
};

export const getOrganisation = async (deps: OrganisationDeps, caller: Caller, orgId: string): Promise<Organisation> =>
  visibleOrganisation(deps, await resolveCaller(deps.users, caller.userId), orgId);

/** The organisation's admins and the agency's admins change its settings. */
export const updateOrganisationSettings = async (
  deps: OrganisationDeps,
  caller: Caller,
  orgId: string,
  settings: Partial<OrganisationSettings>,
): Promise<Organisation> => {
  const user = await resolveCaller(deps.users, caller.userId);
  const organisation = await visibleOrganisation(deps, user, orgId);
  if (!mayManageOrganisation(user, orgId)) throw new ForbiddenError('Only the organisation’s admins (or the agency’s) change its settings');
  const at = deps.now().toISOString();
  const next: Organisation = { ...organisation, settings: { ...organisation.settings, ...settings }, updatedAt: at, version: (organisation.version ?? 0) + 1 };
  const differences = changesBetween(organisation.settings, settings);
  await deps.unitOfWork.commit([deps.organisations.updateSettings(organisation, next), logged(deps, at, user, orgId, 'organisation_changed', { id: orgId, name: organisation.name }, differences)]);
  return next;
};

/** The organisation's admins and the agency's admins set the billing details its orders state. */
export const setBillingDetails = async (deps: OrganisationDeps, caller: Caller, orgId: string, billing: BillingDetails): Promise<Organisation> => {
  const user = await resolveCaller(deps.users, caller.userId);
  const organisation = await visibleOrganisation(deps, user, orgId);
  if (!mayManageOrganisation(user, orgId)) throw new ForbiddenError('Only the organisation’s admins (or the agency’s) change its billing details');
  const at = deps.now().toISOString();
  await deps.unitOfWork.commit([deps.billing.setBilling(organisation, billing, at), logged(deps, at, user, orgId, 'organisation_changed', { id: orgId, name: organisation.name }, { billing })]);
  return { ...organisation, billing, updatedAt: at, version: (organisation.version ?? 0) + 1 };
};

/** What the agency gives a new client organisation. */
export interface NewOrganisation {
  name: string;
  platform: Platform;
  language?: Language;
  billing?: BillingDetails;
}

const mustBeAgencyAdmin = async (deps: OrganisationAdminDeps, caller: Caller, what: string): Promise<User> => {
  const actor = await resolveCaller(deps.users, caller.userId);
  if (actor.role !== 'admin') throw new ForbiddenError(`Only the agency’s admins ${what}`);
  return actor;
};

const organisationToChange = async (deps: OrganisationAdminDeps, orgId: string): Promise<Organisation> => {
  const organisation = await deps.organisations.getOrganisation(orgId);
  if (!organisation) throw new NotFoundError(`Organisation ${orgId}`);
  return organisation;
};

/** Creates a client organisation (the agency's admins); its first admin is invited next. */
export const createOrganisation = async (deps: OrganisationAdminDeps, caller: Caller, input: NewOrganisation): Promise<Organisation> => {
  const actor = await mustBeAgencyAdmin(deps, caller, 'create organisations');
  const at = deps.now().toISOString();
  const organisation: Organisation = {
    orgId: `org-${deps.newId()}`,
    name: input.name,
    platform: input.platform,
    language: input.language ?? defaultLanguage,
    settings: { membersMayRank: false, membersMayAcceptOffers: false },
    ...(input.billing ? { billing: input.billing } : {}),
    createdAt: at,
    version: 1,
  };
  await deps.unitOfWork.commit([
    deps.organisations.create(organisation),
    logged(deps, at, actor, organisation.orgId, 'organisation_created', { id: organisation.orgId, name: organisation.name }, { platform: organisation.platform, language: organisation.language }),
  ]);
  return organisation;
};

/** The client organisations by name, or those whose name or IČO contains `query` (agency staff). */
export const listOrganisations = async (deps: OrganisationAdminDeps, caller: Caller, query: { q?: string; limit: number; cursor?: string }): Promise<Page<Organisation>> => {
  const actor = await resolveCaller(deps.users, caller.userId);
  if (!isAgencyRole(actor.role)) throw new ForbiddenError('Only the agency’s staff list organisations');
  return deps.organisations.list(query.q, query.limit, query.cursor);
};

/** Renames an organisation, or moves it to the other platform or language (the agency's admins). */
export const changeOrganisation = async (
  deps: OrganisationAdminDeps,
  caller: Caller,
  orgId: string,
  change: { name?: string; platform?: Platform; language?: Language; version?: number },
): Promise<Organisation> => {
  const actor = await mustBeAgencyAdmin(deps, caller, 'rename organisations or change their platform');
  const organisation = await organisationToChange(deps, orgId);
  if (change.version !== undefined && change.version !== (organisation.version ?? 0)) {
    throw new ConflictError(`${organisation.name} was changed by someone else since you read it`, 'Reload the organisation and try again');
  }
  const { version: _version, ...fields } = change;
  const differences = changesBetween(organisation, fields);
  if (Object.keys(differences).length === 0) return organisation;
  const at = deps.now().toISOString();
  const next: Organisation = { ...organisation, ...fields, updatedAt: at, version: (organisation.version ?? 0) + 1 };
  await deps.unitOfWork.commit([deps.organisations.replace(organisation, next), logged(deps, at, actor, orgId, 'organisation_changed', { id: orgId, name: next.name }, differences)]);
  return next;
};

/**
 * Deactivates (or reactivates) a client organisation: nobody of it signs in or calls the API, and
 * its requests, orders and history stay. The organisation is changed first, then each of its
 * people (their user items carry it, so every call refuses them at once), then their logins.
 */
export const setOrganisationActive = async (deps: PeopleDeps, caller: Caller, orgId: string, active: boolean): Promise<Organisation> => {
  const actor = await mustBeAgencyAdmin(deps, caller, active ? 'reactivate organisations' : 'deactivate organisations');
  const organisation = await organisationToChange(deps, orgId);
  const at = deps.now().toISOString();
  let next = organisation;
  if ((organisation.deactivatedAt === undefined) !== active) {
    const { deactivatedAt: _deactivatedAt, ...rest } = organisation;
    next = { ...rest, ...(active ? {} : { deactivatedAt: at }), updatedAt: at, version: (organisation.version ?? 0) + 1 };
    await deps.unitOfWork.commit([
      deps.organisations.replace(organisation, next),
      logged(deps, at, actor, orgId, active ? 'organisation_reactivated' : 'organisation_deactivated', { id: orgId, name: organisation.name }),
    ]);
  }
  // Also when the organisation was in that state already: a retry finishes what a failure left.
  for (const person of await deps.people.listOrganisation(orgId)) await setMemberAccess(deps, person, active, at);
  return next;
};

/** One member's part of their organisation's (de)activation; a change of them meanwhile is read again. */
const setMemberAccess = async (deps: PeopleDeps, person: User, active: boolean, at: string, attempts = 3): Promise<void> => {
  if ((person.organisationDeactivatedAt === undefined) !== active) {
    const { organisationDeactivatedAt: _flag, ...rest } = person;
    const next = changed(rest, active ? {} : { organisationDeactivatedAt: at });
    try {
      await deps.unitOfWork.commit([deps.people.replace(person, next)]);
    } catch (error) {
      const again = error instanceof ConflictError && attempts > 1 ? await deps.users.getUser(person.userId) : undefined;
      if (!again) throw error;
      return setMemberAccess(deps, again, active, at, attempts - 1);
    }
  }
  // A person deactivated on their own stays unable to sign in when their organisation comes back.
  if (!active) await deps.accounts.disable(person.email);
  else if (!person.deactivatedAt) await deps.accounts.enable(person.email);
};
