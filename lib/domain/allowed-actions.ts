import { mayAcceptOffers } from './access.js';
import { actions, decide, type Action } from './lifecycle.js';
import { acceptanceOf, offerLapsed, type OpenOffer } from './orders/offer.js';
import { mayOrder, type Organisation } from './organisation.js';
import type { Request } from './request.js';
import { reopenEnded, reviewEnded } from './review/review-window.js';
import type { Role } from './roles.js';

/**
 * What the API decides a person's step on a request by: the lifecycle table (status, type, the
 * role they act in) and the facts below. Each rule is the one the service that takes the step
 * enforces (the functions named here), so the two cannot say different things.
 */
export interface ActionFacts {
  request: Pick<Request, 'status' | 'type' | 'reviewDeadline' | 'reopenUntil'>;
  /** The role the caller acts in on this request (`actingRole`): a client of another organisation invited to it is a participant. */
  role: Role;
  /** While quoted: the open offer, if any (none: there is nothing to decide on). */
  openOffer?: OpenOffer;
  /** The request's organisation, when a client's acceptance depends on it (see `dependsOnOrganisation`); unknown: no acceptance. */
  organisation?: Pick<Organisation, 'settings' | 'billing'>;
}

const isClient = (role: Role) => role === 'client_admin' || role === 'client_member';

/** A decision on the open offer (accept, reject): there is one, and it still stands (`offerLapsed`, as `refusalOf` checks it). */
const offerDecidable = (facts: ActionFacts, now: Date): boolean => facts.openOffer !== undefined && !offerLapsed(facts.openOffer, now);

/**
 * Accepting the open offer is the one step its price makes it (`acceptanceOf`), by someone the
 * organisation lets accept (`mayAcceptOffers`); a priced one makes an order, which needs the
 * organisation's billing details (`mayOrder`). As `acceptOffer` checks them.
 */
const acceptable = (action: 'accept_offer' | 'accept_free_offer', facts: ActionFacts, now: Date): boolean =>
  offerDecidable(facts, now) &&
  acceptanceOf(facts.openOffer!) === action &&
  mayAcceptOffers(facts.role, facts.organisation?.settings) &&
  (action === 'accept_free_offer' || mayOrder(facts.organisation));

/** A review decision (accept, request changes) counts until the round's deadline, which the request carries (`handoverRefusal` checks the round's). */
const reviewOpen = (facts: ActionFacts, now: Date): boolean => facts.request.reviewDeadline === undefined || !reviewEnded(facts.request.reviewDeadline, now);

/** What a step needs beyond the lifecycle table; a step not named here needs nothing more. */
const beyondLifecycle: Partial<Record<Action, (facts: ActionFacts, now: Date) => boolean>> = {
  reject_offer: offerDecidable,
  accept_offer: (facts, now) => acceptable('accept_offer', facts, now),
  accept_free_offer: (facts, now) => acceptable('accept_free_offer', facts, now),
  accept_delivery: reviewOpen,
  request_changes: reviewOpen,
  // An answer is reopened only until `reopenUntil` (`applyAction`); closing it stays possible.
  reopen: (facts, now) => !reopenEnded(facts.request.reopenUntil, now),
};

/** Whether the API takes `action` from this caller on this request at `now`. */
export const mayTake = (action: Action, facts: ActionFacts, now: Date): boolean =>
  decide(facts.request.status, facts.request.type, action, facts.role).allowed && (beyondLifecycle[action]?.(facts, now) ?? true);

/**
 * What the caller may do with the request at `now`, in the lifecycle table's order: every step
 * listed is one the API takes from them, every other one it refuses. Steps only time takes
 * (`expire_offer`, `deem_accepted`) are never anyone's.
 */
export const allowedActions = (facts: ActionFacts, now: Date): Action[] => actions.filter((action) => mayTake(action, facts, now));

/** Whether the answer depends on the open offer: a client's, on a quoted request (read the offers when the request does not carry it). */
export const dependsOnOffer = (request: Pick<Request, 'status'>, role: Role): boolean => request.status === 'quoted' && isClient(role);

/**
 * Whether the answer depends on the organisation: a client's acceptance of an offer that still
 * stands, when the caller is a member (may members accept?) or the offer is priced (billing details?).
 */
export const dependsOnOrganisation = (facts: Omit<ActionFacts, 'organisation'>, now: Date): boolean =>
  dependsOnOffer(facts.request, facts.role) && offerDecidable(facts, now) && (facts.role === 'client_member' || !facts.openOffer!.free);
