import type { Schemas } from '../../api/client.js';
import { lazyPage } from '../../lazy-page.js';
import { learned } from './decision-kit.js';
import type { RequestTab } from './tabs.js';

type Request = Schemas['Request'];
type Status = Request['status'];

/**
 * The Offer, Order and Review tabs, each loaded when first shown (the Order tab carries the QR
 * code library). When each shows is read from the request as the API gives it (its status, type,
 * `allowedActions`, `round`), plus what a tab already learned in this session (the request has
 * offers, an order): the request itself says neither directly.
 */

const offerActions: readonly Request['allowedActions'][number][] = ['accept_offer', 'accept_free_offer', 'reject_offer'];
/** Where an offer is on the table or just decided. */
const offerStatuses: ReadonlySet<Status> = new Set(['quoted', 'offer_expired', 'awaiting_payment']);
/** Work and its end: an inquiry only gets here through an accepted offer (only defects and authorised work are fixed without one). */
const afterOrder: ReadonlySet<Status> = new Set(['queued', 'in_progress', 'in_review', 'changes_requested', 'accepted']);

const hasOffers = (request: Request) =>
  request.allowedActions.some((action) => offerActions.includes(action)) ||
  offerStatuses.has(request.status) ||
  (request.type === 'inquiry' && afterOrder.has(request.status)) ||
  learned.offers.has(request.requestId);

const hasOrder = (request: Request) =>
  request.status === 'awaiting_payment' ||
  learned.order.has(request.requestId) ||
  (request.type === 'inquiry' && afterOrder.has(request.status) && !learned.noOrder.has(request.requestId));

export const offerTab: RequestTab = {
  id: 'offer',
  label: { en: 'Offer', cs: 'Nabídka' },
  shows: hasOffers,
  Tab: lazyPage(() => import('./offer-tab.js').then((m) => m.OfferTab)),
};

export const orderTab: RequestTab = {
  id: 'order',
  label: { en: 'Order', cs: 'Objednávka' },
  shows: hasOrder,
  Tab: lazyPage(() => import('./order-tab.js').then((m) => m.OrderTab)),
};

export const reviewTab: RequestTab = {
  id: 'review',
  label: { en: 'Review', cs: 'Převzetí' },
  shows: (request) => request.round !== undefined,
  Tab: lazyPage(() => import('./review-tab.js').then((m) => m.ReviewTab)),
};
