import type { Schemas } from '../../api/client.js';
import type { Words } from '../../words.js';
import { webhookEventTypes } from '../../../../lib/domain/webhooks/webhook-rules.js';

/** What a subscription may ask for, as the API names it (lib/domain/webhooks/event-types.ts). */
export type EventType = Schemas['WebhookSubscription']['eventTypes'][number];

/** The event types in the order a request meets them: the domain's own list (no zod). */
export const eventTypes: readonly EventType[] = webhookEventTypes;

/** Each event type's name, as a list of what a subscription gets shows it. */
export const eventNames: Words<EventType> = {
  en: {
    'request.created': 'Request filed',
    'request.status_changed': 'Status changed',
    'message.posted': 'Message posted',
    'offer.posted': 'Offer posted',
    'offer.accepted': 'Offer accepted',
    'offer.rejected': 'Offer declined',
    'offer.expired': 'Offer expired',
    'order.issued': 'Order issued',
    'payment.received': 'Payment received',
    'payment.flagged': 'Payment flagged',
    'request.handed_over': 'Handed over for review',
    'delivery.accepted': 'Delivery accepted',
    'delivery.deemed_accepted': 'Delivery deemed accepted',
  },
  cs: {
    'request.created': 'Nový požadavek',
    'request.status_changed': 'Změna stavu',
    'message.posted': 'Nová zpráva',
    'offer.posted': 'Nabídka odeslána',
    'offer.accepted': 'Nabídka přijata',
    'offer.rejected': 'Nabídka odmítnuta',
    'offer.expired': 'Nabídka vypršela',
    'order.issued': 'Objednávka vystavena',
    'payment.received': 'Platba přijata',
    'payment.flagged': 'Platba k prověření',
    'request.handed_over': 'Předáno ke kontrole',
    'delivery.accepted': 'Dodávka převzata',
    'delivery.deemed_accepted': 'Dodávka považována za převzatou',
  },
};

/** When each event is sent, in a sentence: beside its checkbox. */
export const eventSentences: Words<EventType> = {
  en: {
    'request.created': 'A client files a new request.',
    'request.status_changed': 'The request’s status changes, for whatever reason: also together with the events below that change it.',
    'message.posted': 'Someone writes a message on the request. Internal notes never are sent, and the event carries no text.',
    'offer.posted': 'The agency posts an offer, or a new one in place of the open one.',
    'offer.accepted': 'The client accepts an offer: it becomes a binding order.',
    'offer.rejected': 'The client declines an offer.',
    'offer.expired': 'An offer’s validity ends without a decision.',
    'order.issued': 'The order is issued, with its PDF and payment details.',
    'payment.received': 'The order is paid: an agent recorded it, or the payment provider reported it.',
    'payment.flagged': 'A payment did not settle its order (a wrong amount or currency, an order no longer awaiting payment).',
    'request.handed_over': 'The agency hands the work over for the client’s review.',
    'delivery.accepted': 'The client accepts the work handed over, perhaps with a rating.',
    'delivery.deemed_accepted': 'The review’s deadline passed without an answer: the work counts as accepted.',
  },
  cs: {
    'request.created': 'Klient založí nový požadavek.',
    'request.status_changed': 'Stav požadavku se z jakéhokoli důvodu změní: i spolu s událostmi níže, které ho mění.',
    'message.posted': 'Někdo k požadavku napíše zprávu. Interní poznámky se nikdy neposílají a událost nenese žádný text.',
    'offer.posted': 'Agentura odešle nabídku, nebo novou místo té otevřené.',
    'offer.accepted': 'Klient přijme nabídku: stává se z ní závazná objednávka.',
    'offer.rejected': 'Klient nabídku odmítne.',
    'offer.expired': 'Platnost nabídky skončí, aniž by klient rozhodl.',
    'order.issued': 'Vystaví se objednávka s PDF a platebními údaji.',
    'payment.received': 'Objednávka je zaplacená: zaznamenal to agent, nebo to oznámila platební brána.',
    'payment.flagged': 'Platba nevyrovnala objednávku (špatná částka nebo měna, objednávka už na platbu nečeká).',
    'request.handed_over': 'Agentura předá práci klientovi ke kontrole.',
    'delivery.accepted': 'Klient předanou práci převezme, případně i s hodnocením.',
    'delivery.deemed_accepted': 'Lhůta ke kontrole uplynula bez odpovědi: práce se považuje za převzatou.',
  },
};
