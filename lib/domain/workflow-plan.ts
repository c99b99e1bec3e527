import type { Request } from './request.js';
import { reviewReminders } from './review/review-window.js';
import { pragueTime } from './time.js';
import { maxWaitSeconds, type Route } from '../workflow/states.js';
import type { Offer } from './orders/offer.js';
import type { Order } from './orders/order.js';

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
export type Due =
  | { kind: 'expire_offer'; offer: Offer }
  | { kind: 'offer_reminder'; offer: Offer }
  | { kind: 'payment_reminder'; order: Order }
  | { kind: 'review_reminder'; reminder: string; round: number; deadline: string }
  | { kind: 'deem_accepted'; round: number }
  | { kind: 'close_answered' };

export type Plan = { kind: 'act'; due: Due } | { kind: 'go'; next: Route; wakeAt?: Date };

export interface PlanInput {
  request: Request;
  /** The request's open offer, when it is quoted. */
  offer?: Offer;
  /** The request's order, when it awaits payment. */
  order?: Order;
  /** The names of the request's reminders sent so far. */
  reminded: ReadonlySet<string>;
  /** Review reminders, in days before the deadline's day (configuration; default 2 and 0). */
  reviewReminderDays: readonly number[];
  now: Date;
}

/**
 * The checkpoint's decision, from the request as stored and the time: what is due now, or where
 * the execution goes next and when it must look again. Deadlines are data (the offer's validity,
 * the order's due date, the review deadline, the window to reopen an answer); the execution only
 * wakes up to look at them.
 */
export const planCheckpoint = (input: PlanInput): Plan => {
  const { request, offer, order, reminded, now } = input;
  switch (request.status) {
    case 'quoted': {
      if (!offer) return { kind: 'go', next: 'gone' };
      const end = new Date(offer.validUntil);
      if (now >= end) return { kind: 'act', due: { kind: 'expire_offer', offer } };
      const remindAt = offerReminderAt(offer);
      const sent = reminded.has(offerReminderName(offer));
      if (!sent && now >= remindAt) return { kind: 'act', due: { kind: 'offer_reminder', offer } };
      return { kind: 'go', next: 'await_offer_decision', wakeAt: sent ? end : remindAt };
    }
    case 'awaiting_payment': {
      if (!order) return { kind: 'go', next: 'gone' };
      if (!order.document) return { kind: 'go', next: 'generate_order' };
      const remindAt = paymentReminderAt(order);
      const sent = reminded.has(paymentReminderName(order));
      if (!sent && now >= remindAt) return { kind: 'act', due: { kind: 'payment_reminder', order } };
      // After the reminder the order waits as long as it takes, looking again every week.
      return { kind: 'go', next: 'await_payment', wakeAt: sent ? undefined : remindAt };
    }
    case 'queued':
    case 'in_progress':
    case 'changes_requested':
      // The agency's turn: no deadline, the handover wakes the wait.
      return { kind: 'go', next: 'await_handover' };
    case 'in_review':
      return planReview(input);
    case 'answered': {
      if (!request.reopenUntil) return { kind: 'go', next: 'gone' };
      const end = new Date(request.reopenUntil);
      if (now >= end) return { kind: 'act', due: { kind: 'close_answered' } };
      return { kind: 'go', next: 'await_reopen', wakeAt: end };
    }
    case 'offer_expired':
      return { kind: 'go', next: 'expired' };
    case 'cancelled':
      return { kind: 'go', next: 'cancelled' };
    case 'submitted':
    case 'clarifying':
      return { kind: 'go', next: 'clarifying' };
    case 'accepted':
    case 'closed':
      return { kind: 'go', next: 'completed' };
  }
};

/**
 * A review round: at its deadline the delivery is deemed accepted; before it, the latest reminder
 * whose time has come is sent if it wasn't (one that a stopped workflow missed is not sent late
 * next to a newer one), and the wait lasts until the next reminder or the deadline.
 */
const planReview = ({ request, reminded, reviewReminderDays, now }: PlanInput): Plan => {
  const { round, reviewDeadline } = request;
  if (round === undefined || reviewDeadline === undefined) return { kind: 'go', next: 'gone' };
  const deadline = new Date(reviewDeadline);
  if (now >= deadline) return { kind: 'act', due: { kind: 'deem_accepted', round } };
  const reminders = reviewReminders(round, deadline, reviewReminderDays);
  const due = reminders.filter((reminder) => reminder.at <= now).at(-1);
  if (due && !reminded.has(due.name)) return { kind: 'act', due: { kind: 'review_reminder', reminder: due.name, round, deadline: reviewDeadline } };
  const next = reminders.find((reminder) => reminder.at > now);
  return { kind: 'go', next: 'await_review', wakeAt: next?.at ?? deadline };
};

/** Seconds until `wakeAt`, at least 1, at most `maxWaitSeconds` (none: the longest wait). */
export const timeoutSecondsUntil = (wakeAt: Date | undefined, now: Date): number =>
  wakeAt === undefined ? maxWaitSeconds : Math.min(maxWaitSeconds, Math.max(1, Math.ceil((wakeAt.getTime() - now.getTime()) / 1000)));
