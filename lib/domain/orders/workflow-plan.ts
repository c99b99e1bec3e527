import type { Request } from '../request.js';
import { pragueTime } from '../time.js';
import { maxWaitSeconds, type Route } from '../../workflow/states.js';
import type { Offer } from './offer.js';
import type { Order } from './order.js';

/** How long before an offer's end its reminder goes out: three days, or half the validity of a shorter offer. */
const offerReminderLeadMs = 3 * 24 * 60 * 60 * 1000;

export const offerReminderName = (offer: Pick<Offer, 'number'>) => `offer-${offer.number}`;
export const paymentReminderName = (order: Pick<Order, 'orderNumber'>) => `payment-${order.orderNumber}`;

export const offerReminderAt = (offer: Pick<Offer, 'createdAt' | 'validUntil'>): Date => {
  const end = Date.parse(offer.validUntil);
  const lead = Math.min(offerReminderLeadMs, (end - Date.parse(offer.createdAt)) / 2);
  return new Date(end - lead);
};

/** On the due date, in the morning (Prague): "payment is due today". */
export const paymentReminderAt = (order: Pick<Order, 'dueDate'>): Date => pragueTime(order.dueDate, '09:00:00');

/** Something due that the checkpoint does now (each at most once: its write is conditional). */
export type Due = { kind: 'expire_offer'; offer: Offer } | { kind: 'offer_reminder'; offer: Offer } | { kind: 'payment_reminder'; order: Order };

export type Plan = { kind: 'act'; due: Due } | { kind: 'go'; next: Route; wakeAt?: Date };

export interface PlanInput {
  request: Request;
  /** The request's open offer, when it is quoted. */
  offer?: Offer;
  /** The request's order, when it awaits payment. */
  order?: Order;
  /** Whether the reminder the plan would send now was sent already. */
  reminded: boolean;
  now: Date;
}

/**
 * The checkpoint's decision, from the request as stored and the time: what is due now, or where
 * the execution goes next and when it must look again. Deadlines are data (the offer's validity,
 * the order's due date); the execution only wakes up to look at them.
 */
export const planCheckpoint = ({ request, offer, order, reminded, now }: PlanInput): Plan => {
  switch (request.status) {
    case 'quoted': {
      if (!offer) return { kind: 'go', next: 'gone' };
      const end = new Date(offer.validUntil);
      if (now >= end) return { kind: 'act', due: { kind: 'expire_offer', offer } };
      const remindAt = offerReminderAt(offer);
      if (!reminded && now >= remindAt) return { kind: 'act', due: { kind: 'offer_reminder', offer } };
      return { kind: 'go', next: 'await_offer_decision', wakeAt: reminded ? end : remindAt };
    }
    case 'awaiting_payment': {
      if (!order) return { kind: 'go', next: 'gone' };
      if (!order.document) return { kind: 'go', next: 'generate_order' };
      const remindAt = paymentReminderAt(order);
      if (!reminded && now >= remindAt) return { kind: 'act', due: { kind: 'payment_reminder', order } };
      // After the reminder the order waits as long as it takes, looking again every week.
      return { kind: 'go', next: 'await_payment', wakeAt: reminded ? undefined : remindAt };
    }
    case 'offer_expired':
      return { kind: 'go', next: 'expired' };
    case 'cancelled':
      return { kind: 'go', next: 'cancelled' };
    case 'submitted':
    case 'clarifying':
      return { kind: 'go', next: 'declined' };
    default:
      // Paid, or free: the work stage has it now.
      return { kind: 'go', next: 'handed_over' };
  }
};

/** Seconds until `wakeAt`, at least 1, at most `maxWaitSeconds` (none: the longest wait). */
export const timeoutSecondsUntil = (wakeAt: Date | undefined, now: Date): number =>
  wakeAt === undefined ? maxWaitSeconds : Math.min(maxWaitSeconds, Math.max(1, Math.ceil((wakeAt.getTime() - now.getTime()) / 1000)));
