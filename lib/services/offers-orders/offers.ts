import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors.js';
import { addSeconds } from '../../domain/time.js';
import { acceptanceOf, defaultValidityDays, makeOffer, openOfferOf, refusalOf, type Offer, type OfferRefusal, type OfferTerms } from '../../domain/orders/offer.js';
import { makeOrder } from '../../domain/orders/order.js';
import { defaultLanguage } from '../../domain/mail/preferences.js';
import { actingRole, mayAcceptOffers } from '../../domain/access.js';
import { mayOrder, type Organisation } from '../../domain/organisation.js';
import type { Request } from '../../domain/request.js';
import type { User } from '../../domain/user.js';
import type { Caller, Origin, OfferDeps } from '../ports/deps.js';
import { alongside } from '../alongside.js';
import { takeStep } from '../requests/lifecycle-step.js';
import { mustBeClient, openCallerRequest, requestView } from '../requests/open-request.js';
import { toOfferView, type OfferView, type RequestView } from '../views.js';
import { nudgeWorkflow } from '../workflow/workflow-signals.js';

/** What the agent writes: the terms (validity optional) and a note for the timeline. */
export type OfferInput = Omit<OfferTerms, 'validUntil' | 'terms'> & { validUntil?: string; terms?: string; note?: string };

/** An offer must stand for a while: at least an hour, at most a year (a workflow execution's life). */
const minValiditySeconds = 60 * 60;
const maxValiditySeconds = 365 * 24 * 60 * 60;

const validUntilOf = (input: OfferInput, now: Date): string => {
  if (input.validUntil === undefined) return addSeconds(now, defaultValidityDays * 24 * 60 * 60).toISOString();
  const seconds = (Date.parse(input.validUntil) - now.getTime()) / 1000;
  if (seconds < minValiditySeconds) throw new ValidationError([{ field: 'body.validUntil', reason: 'must be at least an hour from now' }]);
  if (seconds > maxValiditySeconds) throw new ValidationError([{ field: 'body.validUntil', reason: 'must be within a year from now' }]);
  return new Date(input.validUntil).toISOString();
};

/**
 * An agent posts an offer: its totals computed here from its lines, never taken from the caller.
 * It replaces the open offer, if any (that one is superseded in the same transaction), moves the
 * request to `quoted` and wakes (or starts) the request's workflow, which waits for the decision.
 */
export const postOffer = async (deps: OfferDeps, caller: Caller, requestId: string, input: OfferInput): Promise<Offer> => {
  const { user, request, level, actor } = await openCallerRequest(deps, caller, requestId);
  if (level !== 'agency') throw new ForbiddenError('Only agency staff post offers');
  const now = deps.now();
  const at = now.toISOString();
  const offers = await deps.offers.list(requestId);
  const previous = offers.at(-1);
  const open = offers.filter((offer) => offer.status === 'open');
  const { note, ...terms } = input;
  const offer = makeOffer({
    terms: { ...terms, terms: terms.terms ?? '', validUntil: validUntilOf(input, now) },
    offerId: `${requestId}/${(previous?.number ?? 0) + 1}`,
    requestId,
    number: (previous?.number ?? 0) + 1,
    createdAt: at,
    createdBy: user.userId,
    createdByName: user.name,
  });
  const updated = await takeStep(deps, actor, request, {
    action: 'post_offer',
    entryKind: 'offer_posted',
    note,
    details: {
      offerId: offer.offerId,
      number: String(offer.number),
      net: String(offer.totals.net),
      gross: String(offer.totals.gross),
      currency: offer.currency,
      validUntil: offer.validUntil,
      deliveryEstimate: offer.deliveryEstimate,
      lineCount: String(offer.lines.length),
      ...(open.length > 0 ? { supersedes: open.map((o) => String(o.number)).join(', ') } : {}),
    },
    openOffer: openOfferOf(offer),
    also: [deps.offers.add(offer), ...open.map((o) => deps.offers.settle(o, { ...o, status: 'superseded' }))],
  });
  deps.metrics.count('OffersPosted');
  await nudgeWorkflow(deps, requestId, updated.status);
  return offer;
};

/** Every offer of a request, first to last, for anyone who may see the request, as they may see it (`toOfferView`). */
export const listOffers = async (deps: OfferDeps, caller: Caller, requestId: string): Promise<OfferView[]> => {
  const [{ level }, offers] = await alongside(openCallerRequest(deps, caller, requestId), deps.offers.list(requestId));
  return offers.map((offer) => toOfferView(offer, level));
};

const refusals: Record<OfferRefusal, (offer: Offer) => ConflictError> = {
  superseded: (offer) => new ConflictError(`Offer ${offer.number} was replaced by a newer offer`, 'Reload the request and decide on its current offer'),
  expired: (offer) => new ConflictError(`Offer ${offer.number} expired on ${offer.validUntil}`, 'Ask the agency for a new offer in the request’s messages'),
  decided: (offer) => new ConflictError(`Offer ${offer.number} was ${offer.status} already${offer.decision ? ` by ${offer.decision.name}` : ''}`, 'Reload the request to see where it stands'),
  changed: (offer) =>
    new ConflictError(`The offer you saw is not offer ${offer.number} as it stands (its content hash differs)`, 'Reload the offer, read it again and accept the content hash it shows'),
};

/** The offer a decision names, as it may still be decided on. */
const decidable = async (deps: OfferDeps, requestId: string, number: number, seenHash: string, now: Date): Promise<Offer> => {
  const offer = await deps.offers.get(requestId, number);
  if (!offer) throw new NotFoundError(`Offer ${number} of request ${requestId}`);
  const refusal = refusalOf(offer, seenHash, now);
  if (refusal) throw refusals[refusal](offer);
  return offer;
};

const offerRefusal = 'Only the client organisation decides on its offers';

export interface Decision {
  number: number;
  /** The `contentHash` of the offer as the client saw it. */
  contentHash: string;
  origin: Origin;
}

/**
 * The client accepts an offer: from now on it is a binding order. Only the organisation's admins
 * may, or its members too when the organisation allows it. The acceptance names the offer and the
 * hash of what the client saw; who, when and from where are recorded on the frozen offer. A
 * priced offer makes the order (number, variable symbol, due date, both parties' details) in the
 * same transaction; the workflow then renders and mails its PDF. A zero-price offer goes straight
 * to the work queue.
 */
export const acceptOffer = async (deps: OfferDeps, caller: Caller, requestId: string, decision: Decision): Promise<{ request: RequestView; offer: OfferView }> => {
  const { user, request, level, actor } = await openCallerRequest(deps, caller, requestId);
  mustBeClient(level, offerRefusal);
  // Read once, and only if needed: for a member's right to accept, and for a priced offer's billing details.
  let organisation: Promise<Organisation | undefined> | undefined;
  const organisationOf = () => (organisation ??= deps.organisations.getOrganisation(request.orgId));
  const role = actingRole(level, user);
  if (!mayAcceptOffers(role, role === 'client_member' ? (await organisationOf())?.settings : undefined)) {
    throw new ForbiddenError('Only your organisation’s admins accept offers; an admin may allow members to (organisation settings)');
  }
  const now = deps.now();
  const offer = await decidable(deps, requestId, decision.number, decision.contentHash, now);
  const accepted: Offer = {
    ...offer,
    status: 'accepted',
    decision: { decision: 'accepted', userId: user.userId, name: user.name, at: now.toISOString(), ip: decision.origin.ip, userAgent: decision.origin.userAgent },
  };
  const action = acceptanceOf(openOfferOf(offer));
  const order = action === 'accept_offer' ? orderFor(deps, offer, request, await organisationOf(), user, now) : undefined;
  const updated = await takeStep(deps, actor, request, {
    action,
    details: { offerId: offer.offerId, number: String(offer.number), gross: String(offer.totals.gross), currency: offer.currency, ...(order ? { orderNumber: order.orderNumber } : {}) },
    also: [deps.offers.settle(offer, accepted), ...(order ? [deps.orders.create(order)] : [])],
  });
  deps.metrics.count('OffersAccepted');
  await nudgeWorkflow(deps, requestId, updated.status);
  return { request: await requestView(deps, user, { request: updated, level }), offer: toOfferView(accepted, level) };
};

/** The order an accepted priced offer makes: both parties' details frozen with the offer's content. */
const orderFor = (deps: OfferDeps, offer: Offer, request: Request, organisation: Organisation | undefined, user: User, now: Date) => {
  const { orgId } = request;
  if (!mayOrder(organisation)) {
    throw new ConflictError('Your organisation has no billing details yet, and an order must state them', `An admin of the organisation adds them (PUT /orgs/${orgId}/billing), then accept again`);
  }
  return makeOrder(
    offer,
    {
      supplier: deps.supplier(),
      customer: organisation.billing,
      acceptedBy: { userId: user.userId, name: user.name, email: user.email },
      language: user.language ?? defaultLanguage,
      requestTitle: request.title,
      platform: request.platform,
    },
    now,
  );
};

/** The client declines an offer with a reason: back to clarifying, where the agent may post a revised one. */
export const rejectOffer = async (deps: OfferDeps, caller: Caller, requestId: string, decision: Decision & { reason: string }): Promise<{ request: RequestView; offer: OfferView }> => {
  const { user, request, level, actor } = await openCallerRequest(deps, caller, requestId);
  mustBeClient(level, offerRefusal);
  const now = deps.now();
  const offer = await decidable(deps, requestId, decision.number, decision.contentHash, now);
  const rejected: Offer = {
    ...offer,
    status: 'rejected',
    decision: { decision: 'rejected', userId: user.userId, name: user.name, at: now.toISOString(), ip: decision.origin.ip, userAgent: decision.origin.userAgent, reason: decision.reason },
  };
  const updated = await takeStep(deps, actor, request, {
    action: 'reject_offer',
    note: decision.reason,
    details: { offerId: offer.offerId, number: String(offer.number) },
    also: [deps.offers.settle(offer, rejected)],
  });
  deps.metrics.count('OffersRejected');
  await nudgeWorkflow(deps, requestId, updated.status);
  return { request: await requestView(deps, user, { request: updated, level }), offer: toOfferView(rejected, level) };
};
