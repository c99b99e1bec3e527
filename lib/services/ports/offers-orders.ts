import type { BillingDetails } from '../../domain/orders/billing.js';
import type { Offer } from '../../domain/orders/offer.js';
import type { Order, OrderDocumentRef } from '../../domain/orders/order.js';
import type { Payment } from '../../domain/orders/payment.js';
import type { FeedbackSummary, RatingGiven } from '../../domain/review/feedback.js';
import type { Handover } from '../../domain/review/handover.js';
import type { WaitStage } from '../../workflow/states.js';
import type { Write } from './common.js';

/** The ports of offers, orders, payments and the workflow's bookkeeping; DynamoDB adapters implement them. */

export interface OfferStore {
  get(requestId: string, number: number): Promise<Offer | undefined>;
  /** Every offer of the request, first to last. */
  list(requestId: string): Promise<Offer[]>;
  /** A new offer; its number must be free (two agents posting at once: one 409). */
  add(offer: Offer): Write;
  /** `before` (still open) becomes `after`: superseded, accepted, rejected or expired. */
  settle(before: Offer, after: Offer): Write;
}

export interface OrderStore {
  get(requestId: string): Promise<Order | undefined>;
  /** One order per request. */
  create(order: Order): Write;
  /** The stored PDF, once. */
  attachDocument(order: Order, document: OrderDocumentRef): Write;
  markPaid(order: Order, paidAt: string): Write;
}

export interface PaymentStore {
  /** A payment already recorded under this id, whatever request it went to. */
  find(paymentId: string): Promise<Payment | undefined>;
  list(requestId: string): Promise<Payment[]>;
  /** Claims the payment id (a second one with it is a conflict) and records the payment on its request. */
  record(payment: Payment): Write[];
}

export interface BillingStore {
  /** Conditional on the organisation existing; the last write wins (details are replaced whole). */
  setBilling(orgId: string, billing: BillingDetails, at: string): Write;
}

/** The request's workflow: which execution owns it, and the token of the task waiting for it. */
export interface WorkflowRecord {
  requestId: string;
  execution: string;
  claimedAt: string;
  waiting?: { stage: WaitStage; token: string; since: string };
}

export interface WorkflowStore {
  get(requestId: string): Promise<WorkflowRecord | undefined>;
  /** Every request with a workflow, for a takeover after a restart. */
  list(): Promise<WorkflowRecord[]>;
  /** `execution` owns the request from now on (older executions find out and end). */
  claim(requestId: string, execution: string, at: string): Write;
  /** Stores a waiting task's token, if `execution` still owns the request. */
  wait(requestId: string, execution: string, waiting: NonNullable<WorkflowRecord['waiting']>): Write;
  /** The execution is done with the request, if it still owns it. */
  release(requestId: string, execution: string): Write;
  /** A reminder, at most once: a second one with the same name is a conflict. */
  remind(requestId: string, reminder: string, at: string): Write;
  /** The names of the request's reminders sent so far. */
  reminders(requestId: string): Promise<Set<string>>;
}

/** A request's handovers for review, one per round, each with how its review ended. */
export interface HandoverStore {
  get(requestId: string, round: number): Promise<Handover | undefined>;
  /** Every round, first to last. */
  list(requestId: string): Promise<Handover[]>;
  /** A new round; its number must be free. */
  add(handover: Handover): Write;
  /** The round's review ended (`after.outcome`), once: a second outcome is a conflict. */
  settle(before: Handover, after: Handover): Write;
}

/** The agency's view of its clients' ratings. */
export interface FeedbackStore {
  /** Counts one rating into its organisation's and its agent's summary. */
  add(rating: RatingGiven): Write[];
  /** Every summary, organisations and agency people. */
  list(): Promise<FeedbackSummary[]>;
}
