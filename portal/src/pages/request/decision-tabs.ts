import type { Schemas } from '../../api/client.js';
import { lazyPage } from '../../lazy-page.js';
import type { RequestTab } from './tabs.js';

type Request = Schemas['Request'];
type Offer = Schemas['Offer'];

/**
 * The Offer, Order and Review tabs, each loaded when first shown (the Order tab carries the QR
 * code library). When each shows follows from what the API gives: the request's offers (read with
 * it by the request page), its `allowedActions` and its review `round`.
 */

const offerActions: readonly Request['allowedActions'][number][] = ['accept_offer', 'accept_free_offer', 'reject_offer'];

const hasOffers = (request: Request, offers: readonly Offer[]) => offers.length > 0 || request.allowedActions.some((action) => offerActions.includes(action));

/** An accepted offer with a price became a binding order; a free one orders nothing. */
const hasOrder = (_request: Request, offers: readonly Offer[]) => offers.some((offer) => offer.status === 'accepted' && offer.totals.gross > 0);

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
