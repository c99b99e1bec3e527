import { mayManageOrganisation, maySeeOrganisation } from '../../domain/access.js';
import { ForbiddenError, NotFoundError } from '../../domain/errors.js';
import type { Organisation, OrganisationSettings } from '../../domain/organisation.js';
import type { BillingDetails } from '../../domain/orders/billing.js';
import type { User } from '../../domain/user.js';
import { resolveCaller } from './caller.js';
import type { Caller, ServiceDeps, OrganisationDeps } from '../ports/deps.js';

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
  return deps.organisations.updateSettings(organisation, settings, deps.now().toISOString());
};

/** The organisation's admins and the agency's admins set the billing details its orders state. */
export const setBillingDetails = async (deps: OrganisationDeps & Pick<ServiceDeps, 'billing' | 'unitOfWork'>, caller: Caller, orgId: string, billing: BillingDetails): Promise<Organisation> => {
  const user = await resolveCaller(deps.users, caller.userId);
  const organisation = await visibleOrganisation(deps, user, orgId);
  if (!mayManageOrganisation(user, orgId)) throw new ForbiddenError('Only the organisation’s admins (or the agency’s) change its billing details');
  const at = deps.now().toISOString();
  await deps.unitOfWork.commit([deps.billing.setBilling(organisation, billing, at)]);
  return { ...organisation, billing, updatedAt: at };
};
