import { randomUUID } from 'node:crypto';
import { decide, transitions, type Action } from '../../lib/domain/lifecycle.js';
import { makeOffer, openOfferOf, type Offer, type OfferTerms } from '../../lib/domain/orders/offer.js';
import { makeOrder, type Order } from '../../lib/domain/orders/order.js';
import { rankAfter } from '../../lib/domain/ranking.js';
import { afterTransition } from '../../lib/domain/request-changes.js';
import { formatRequestNumber, type Request, type RequestStatus, type RequestType } from '../../lib/domain/request.js';
import type { Handover } from '../../lib/domain/review/handover.js';
import { addSeconds } from '../../lib/domain/time.js';
import type { ServiceDeps } from '../../lib/services/ports/deps.js';
import type { Write } from '../../lib/services/ports/common.js';
import { demoSupplier } from '../../local/supplier.js';
import { acmeBilling, freeOffer, pricedOffer } from './offers.js';

/** A request's state as a property test samples it. */
export interface RequestState {
  status: RequestStatus;
  type: RequestType;
  /** The offer on its way, if it went through one: priced or free (a request awaiting payment always has a priced one). */
  offer: 'priced' | 'free';
  /**
   * The window of its status has ended and the workflow has not acted on it yet: a quoted offer's
   * validity, an in-review round's deadline, an answer's time to reopen. Other statuses have none.
   */
  lapsed: boolean;
  /** Quoted, stored as before requests kept their open offer: its offers must be read. */
  legacy: boolean;
}

/** Who is in the request's story: its organisation, a client who filed and accepted, the agent who worked. */
export interface Cast {
  orgId: string;
  client: { userId: string; name: string };
  agent: { userId: string; name: string };
  /** Invited to the request: each gets a participant item. */
  invited: readonly { userId: string; email: string; name: string }[];
}

/** A request put in a state, with the items of its story that the routes read. */
export interface Placed {
  request: Request;
  /** Its last offer, as stored. */
  offer?: Offer;
  order?: Order;
  /** Its last review round, as stored. */
  handover?: Handover;
}

const day = 24 * 60 * 60;

/** The steps that lead from `submitted` to the state, in order. */
const pathTo = ({ status, offer }: RequestState): Action[] => {
  const paid: Action[] = offer === 'free' && status !== 'awaiting_payment' ? ['post_offer', 'accept_free_offer'] : ['post_offer', 'accept_offer', 'mark_paid'];
  const working: Action[] = [...paid, 'start_work'];
  const paths: Record<RequestStatus, Action[]> = {
    submitted: [],
    clarifying: ['clarify'],
    quoted: ['post_offer'],
    offer_expired: ['post_offer', 'expire_offer'],
    awaiting_payment: ['post_offer', 'accept_offer'],
    queued: paid,
    in_progress: working,
    in_review: [...working, 'hand_over'],
    changes_requested: [...working, 'hand_over', 'request_changes'],
    accepted: [...working, 'hand_over', 'accept_delivery'],
    answered: ['explain'],
    closed: ['explain', 'close'],
    cancelled: ['cancel'],
  };
  return paths[status];
};

/**
 * Puts a fresh request of the cast's organisation into `state` at business time `now`, without
 * walking the API: its story is replayed through the domain (the lifecycle table and
 * `afterTransition`, so windows, rank, readiness and assignee are what the steps make them), and
 * the items are written in one transaction through the stores the services use, as they write
 * them. A lapsed window ended days or an hour ago; an open one ends days from now.
 */
export const placeRequest = async (deps: ServiceDeps, cast: Cast, state: RequestState, now: Date): Promise<Placed> => {
  const year = now.getUTCFullYear();
  const [sequence, lastRank] = await Promise.all([deps.requests.nextSequence(year), deps.queues.lastRank(cast.orgId)]);
  const requestId = formatRequestNumber(year, sequence);
  const start = addSeconds(now, state.lapsed ? -12 * day : -10 * 60);
  const stamp = (step: number) => addSeconds(start, step).toISOString();
  let request: Request = {
    requestId,
    orgId: cast.orgId,
    type: state.type,
    title: `Stav ${state.status} ${randomUUID().slice(0, 8)}`,
    description: 'Připraveno testem vlastností.',
    platform: 'azami',
    status: 'submitted',
    version: 1,
    createdBy: cast.client.userId,
    createdAt: stamp(0),
    updatedAt: stamp(0),
    rank: rankAfter(lastRank),
  };
  let offer: Offer | undefined;
  let order: Order | undefined;
  let handover: Handover | undefined;
  const decided = (at: string) => ({ userId: cast.client.userId, name: cast.client.name, at, ip: '192.0.2.1', userAgent: 'property test' });

  pathTo(state).forEach((action, index) => {
    const at = stamp(index + 1);
    const by = transitions[action].by[0]!;
    const decision = decide(request.status, request.type, action, by);
    if (!decision.allowed) throw new Error(`the path to ${state.status} takes ${action} from ${request.status} (${decision.reason})`);
    if (action === 'post_offer') {
      const terms: Omit<OfferTerms, 'validUntil' | 'terms'> & { terms?: string } = state.offer === 'free' && state.status !== 'awaiting_payment' ? freeOffer() : pricedOffer();
      // An offer that still waits for a decision stands 10 days from now, or ended an hour ago; one that expired ended when it did.
      const validUntil = state.status === 'quoted' ? addSeconds(now, state.lapsed ? -60 * 60 : 10 * day) : state.status === 'offer_expired' ? addSeconds(start, index + 2) : addSeconds(now, 10 * day);
      offer = makeOffer({
        terms: { ...terms, terms: terms.terms ?? '', validUntil: validUntil.toISOString() },
        offerId: `${requestId}/1`,
        requestId,
        number: 1,
        createdAt: at,
        createdBy: cast.agent.userId,
        createdByName: cast.agent.name,
      });
    }
    if (action === 'expire_offer') offer = { ...offer!, status: 'expired' };
    if (action === 'accept_offer' || action === 'accept_free_offer') offer = { ...offer!, status: 'accepted', decision: { decision: 'accepted', ...decided(at) } };
    if (action === 'accept_offer') {
      order = makeOrder(
        offer!,
        {
          supplier: demoSupplier,
          customer: acmeBilling,
          acceptedBy: { userId: cast.client.userId, name: cast.client.name },
          language: 'cs',
          requestTitle: request.title,
          platform: request.platform,
        },
        new Date(at),
      );
    }
    if (action === 'mark_paid') order = { ...order!, paidAt: at };
    const openOffer = action === 'post_offer' && !state.legacy ? openOfferOf(offer!) : undefined;
    request = afterTransition(request, decision.to, at, { agencyUserId: cast.agent.userId, openOffer });
    if (action === 'hand_over') {
      handover = {
        requestId,
        round: request.round!,
        notes: 'Hotovo.',
        attachmentIds: [],
        handedOverAt: at,
        handedOverBy: cast.agent.userId,
        handedOverByName: cast.agent.name,
        reviewDeadline: request.reviewDeadline!,
      };
    }
    if (action === 'accept_delivery') handover = { ...handover!, outcome: { decision: 'accepted', ...decided(at) } };
    if (action === 'request_changes') handover = { ...handover!, outcome: { decision: 'changes_requested', ...decided(at), comments: 'Upravit.', attachmentIds: [] } };
  });

  const writes: Write[] = [
    deps.requests.create(request),
    ...(offer ? [deps.offers.add(offer)] : []),
    ...(order ? [deps.orders.create(order)] : []),
    ...(handover ? [deps.handovers.add(handover)] : []),
    ...cast.invited.map((person) =>
      deps.participants.add({ requestId, userId: person.userId, email: person.email, name: person.name, invitedBy: cast.client.userId, invitedAt: stamp(0) }),
    ),
  ];
  await deps.unitOfWork.commit(writes);
  return { request, offer, order, handover };
};
