import { lazyPage } from '../../lazy-page.js';
import { CommunicationTab } from '../../pages/request/communication-tab.js';
import { PeopleTab } from '../../pages/request/people-tab.js';
import type { RequestTab } from '../../pages/request/tabs.js';

/**
 * The tabs of a request's page for the agency: the same Communication and People as a client's
 * (the Communication tab adds internal notes for staff), and the agency's side of the decisions:
 * writing offers, the order and its payments, the handovers. Each decision tab is its own chunk.
 */
export const agencyTabs: RequestTab[] = [
  { id: 'communication', label: { en: 'Communication', cs: 'Komunikace' }, shows: () => true, Tab: CommunicationTab },
  { id: 'offer', label: { en: 'Offers', cs: 'Nabídky' }, shows: () => true, Tab: lazyPage(() => import('./offer-editor-tab.js').then((m) => m.OfferEditorTab)) },
  {
    id: 'order',
    label: { en: 'Order', cs: 'Objednávka' },
    // A binding order exists once a priced offer was accepted.
    shows: (_request, offers) => offers.some((offer) => offer.status === 'accepted' && offer.totals.gross > 0),
    Tab: lazyPage(() => import('./agency-order-tab.js').then((m) => m.AgencyOrderTab)),
  },
  {
    id: 'handover',
    label: { en: 'Handover', cs: 'Předání' },
    // Handed over at least once, or ready to be.
    shows: (request) => request.round !== undefined || request.allowedActions.includes('hand_over'),
    Tab: lazyPage(() => import('./handover-tab.js').then((m) => m.HandoverTab)),
  },
  { id: 'people', label: { en: 'People', cs: 'Lidé' }, shows: () => true, Tab: PeopleTab },
];
