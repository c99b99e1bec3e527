import type { Organisation } from '../../domain/organisation.js';
import type { BillingDetails } from '../../domain/orders/billing.js';
import type { Offer } from '../../domain/orders/offer.js';
import type { Order, OrderDocumentRef } from '../../domain/orders/order.js';
import type { Payment, PaymentResolution } from '../../domain/orders/payment.js';
import type { Page, Write } from './common.js';

/** The ports of offers, orders and payments; DynamoDB adapters implement them. */

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
  /**
   * Claims the payment id (a second one with it is a conflict) and records the payment on its
   * request, or beside the claim when it has none; a flagged one also joins the flagged list.
   */
  record(payment: Payment): Write[];
  /** Flagged payments not yet resolved, of every order, newest flagged first. */
  listFlagged(limit: number, cursor?: string): Promise<Page<Payment>>;
  /** Resolves a flagged payment as read (it leaves the flagged list); conditional on it being flagged and unresolved, a ConflictError if not. */
  resolve(payment: Payment, resolution: PaymentResolution): Write;
}

export interface BillingStore {
  /** Conditional on the organisation existing; the last write wins (details are replaced whole). */
  /** `organisation`: as read, for its name (the IČO is searched beside it). */
  setBilling(organisation: Pick<Organisation, 'orgId' | 'name'>, billing: BillingDetails, at: string): Write;
}

