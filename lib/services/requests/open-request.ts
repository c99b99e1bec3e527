import { accessLevel, actingRole, decidesForClient, type AccessLevel } from '../../domain/access.js';
import { person, type Actor } from '../../domain/actor.js';
import { allowedActions, dependsOnOffer, dependsOnOrganisation } from '../../domain/allowed-actions.js';
import { ForbiddenError, NotFoundError } from '../../domain/errors.js';
import { openOfferOf, type OpenOffer } from '../../domain/orders/offer.js';
import type { Organisation } from '../../domain/organisation.js';
import type { Request } from '../../domain/request.js';
import type { User } from '../../domain/user.js';
import { knownCaller } from '../people/caller.js';
import type { Caller, ServiceDeps, ViewDeps } from '../ports/deps.js';
import type { RequestView } from '../views.js';

export interface OpenedRequest {
  request: Request;
  level: Exclude<AccessLevel, 'none'>;
}

/** Someone else's request answers exactly like a missing one, so nobody learns what exists. */
export const opened = (user: User, request: Request | undefined, isParticipant: boolean, requestId: string): OpenedRequest => {
  const level = request ? accessLevel(user, request, isParticipant) : 'none';
  if (!request || level === 'none') throw new NotFoundError(`Request ${requestId}`);
  return { request, level };
};

/**
 * The caller and a request they may see, read in one round trip (the caller's user item, the
 * request and the caller's invitation to it), so no call on a request waits for two reads in turn.
 */
export const openCallerRequest = async (
  deps: Pick<ServiceDeps, 'callers'>,
  caller: Caller,
  requestId: string,
): Promise<OpenedRequest & { user: User; actor: Actor }> => {
  const context = await deps.callers.read(caller.userId, { requestId });
  const user = knownCaller(context.user);
  const found = opened(user, context.request, context.isParticipant, requestId);
  return { user, actor: person(user, found.level), ...found };
};

/** The level of a request the caller already may see (listed or just created by them). */
export const visibleLevel = (user: User, request: Pick<Request, 'orgId'>) => {
  const level = accessLevel(user, request, true);
  if (level === 'none') throw new NotFoundError('Request');
  return level;
};

/** A request as one caller sees it: at the access level they have to it. */
export interface SeenRequest {
  request: Request;
  level: Exclude<AccessLevel, 'none'>;
}

/** The open offer of a request quoted before requests kept it (see `Request.openOffer`): read from its offers. */
const openOfferRead = async (deps: ViewDeps, request: Request): Promise<OpenOffer | undefined> => {
  const open = (await deps.offers.list(request.requestId)).find((offer) => offer.status === 'open');
  return open && openOfferOf(open);
};

/**
 * The views of requests one caller sees, each with what they may do with it now (`allowedActions`
 * at the business clock's now). Beyond the request items, only what the answer depends on is read,
 * once per call: the caller's organisation when a client's acceptance of an offer depends on it
 * (`organisation`: the one the call read already, if any), and the offers of a request quoted
 * before requests carried their open offer. The rank key and the open offer are storage detail:
 * callers see positions in the queue views and the offers at their own route.
 */
export const requestViews = async (deps: ViewDeps, user: User, seen: readonly SeenRequest[], organisation?: Organisation): Promise<RequestView[]> => {
  const now = deps.now();
  const facts = await Promise.all(
    seen.map(async ({ request, level }) => {
      const role = actingRole(level, user);
      const openOffer = request.openOffer ?? (dependsOnOffer(request, role) ? await openOfferRead(deps, request) : undefined);
      return { request, role, openOffer };
    }),
  );
  // A client's requests are all their organisation's: it is read once, for the first that needs it.
  const needing = facts.find((fact) => dependsOnOrganisation(fact, now));
  const organisationOf = needing && (organisation?.orgId === needing.request.orgId ? organisation : await deps.organisations.getOrganisation(needing.request.orgId));
  return facts.map((fact) => {
    const { rank: _rank, openOffer: _openOffer, ...shown } = fact.request;
    const known = organisationOf?.orgId === fact.request.orgId ? organisationOf : undefined;
    return { ...shown, allowedActions: allowedActions({ ...fact, organisation: known }, now) };
  });
};

/** One request's view for its caller (see `requestViews`). */
export const requestView = async (deps: ViewDeps, user: User, seen: SeenRequest, organisation?: Organisation): Promise<RequestView> =>
  (await requestViews(deps, user, [seen], organisation))[0]!;

/**
 * Decisions that bind the client organisation (an offer, a delivery's review) are its own: not
 * the agency's, not an invited participant's. `refusal` says which decision it is.
 */
export const mustBeClient = (level: AccessLevel, refusal: string): void => {
  if (!decidesForClient(level)) throw new ForbiddenError(refusal);
};
