import type { Schemas } from './api/client.js';
import type { Words } from './i18n.js';

export type RequestStatus = Schemas['Request']['status'];
export type RequestType = Schemas['Request']['type'];
export type Action = Schemas['Request']['allowedActions'][number];

export const statusWords: Words<RequestStatus> = {
  en: {
    submitted: 'Submitted',
    clarifying: 'Being clarified',
    quoted: 'Offer to decide',
    offer_expired: 'Offer expired',
    awaiting_payment: 'Awaiting payment',
    queued: 'Queued',
    in_progress: 'In progress',
    in_review: 'For your review',
    changes_requested: 'Changes requested',
    accepted: 'Accepted',
    answered: 'Answered',
    closed: 'Closed',
    cancelled: 'Cancelled',
  },
  cs: {
    submitted: 'Podaný',
    clarifying: 'Upřesňuje se',
    quoted: 'Nabídka k rozhodnutí',
    offer_expired: 'Nabídka vypršela',
    awaiting_payment: 'Čeká na platbu',
    queued: 'Ve frontě',
    in_progress: 'Zpracovává se',
    in_review: 'K vaší kontrole',
    changes_requested: 'Požadovány úpravy',
    accepted: 'Převzato',
    answered: 'Zodpovězeno',
    closed: 'Uzavřeno',
    cancelled: 'Zrušeno',
  },
};

export const typeWords: Words<RequestType> = {
  en: { inquiry: 'Inquiry', defect: 'Defect', authorized: 'Authorised work' },
  cs: { inquiry: 'Poptávka', defect: 'Vada', authorized: 'Schválená práce' },
};

/** The steps that wait on the client, as the API lists them for this person (`allowedActions`). */
const clientDecisions: readonly Action[] = ['accept_offer', 'accept_free_offer', 'reject_offer', 'accept_delivery', 'request_changes', 'reopen'];

export const waitsOnMe = (request: Pick<Schemas['Request'], 'allowedActions'>): boolean => request.allowedActions.some((action) => clientDecisions.includes(action));
