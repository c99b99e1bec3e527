import * as z from 'zod';
import { Currency, MinorUnits } from './money.js';
import type { Order } from './order.js';

/** Why a payment was not taken as its order's payment (see `paymentProblem`). */
export const PaymentProblem = z
  .enum(['amount', 'currency', 'not_awaiting', 'unknown_order'])
  .describe(
    '`amount`: not the order’s gross; `currency`: not the order’s currency; `not_awaiting`: the order was not waiting for payment (paid already); `unknown_order`: its variable symbol matches no order',
  );
export type PaymentProblem = z.infer<typeof PaymentProblem>;

/** Who settled a flagged payment, when, and how (the note says what was done: refunded, paid the difference, recorded on 2026-0042). */
export const PaymentResolution = z.object({
  by: z.string().describe('The user id of the agency person who resolved it'),
  byName: z.string(),
  at: z.iso.datetime(),
  note: z.string(),
});
export type PaymentResolution = z.infer<typeof PaymentResolution>;

/** A payment as the bank (through the webhook) or an agent reports it. */
export const Payment = z.object({
  paymentId: z.string(),
  /** The request whose order it was for; none when its variable symbol matches no order (`problem: unknown_order`). */
  requestId: z.string().optional().describe('Absent when the payment matched no order (`problem: unknown_order`)'),
  amount: MinorUnits,
  currency: Currency,
  /** When the money arrived (the bank's date). */
  paidAt: z.iso.datetime(),
  reference: z.string().optional(),
  /** The variable symbol the bank reported (webhook payments). */
  variableSymbol: z.string().optional(),
  source: z.enum(['webhook', 'agent']),
  recordedBy: z.string(),
  recordedAt: z.iso.datetime(),
  /** Taken as the order's payment; otherwise flagged to the agency and the order still waits. */
  matched: z.boolean(),
  problem: PaymentProblem.optional(),
  /** A flagged payment's order, as it stood when the payment came: what was expected instead. */
  orderNumber: z.string().optional(),
  expected: z.object({ amount: MinorUnits, currency: Currency }).optional().describe('A flagged payment’s order’s gross, what it should have been'),
  /** A flagged payment the agency has dealt with (it leaves the list of flagged payments). */
  resolution: PaymentResolution.optional(),
});
export type Payment = z.infer<typeof Payment>;

/** Whether a payment settles the order: exactly its gross, in its currency, while it waits for payment. */
export const paymentProblem = (order: Pick<Order, 'totals' | 'currency' | 'paidAt'>, payment: Pick<Payment, 'amount' | 'currency'>, awaiting: boolean): PaymentProblem | undefined => {
  if (!awaiting || order.paidAt) return 'not_awaiting';
  if (payment.currency !== order.currency) return 'currency';
  if (payment.amount !== order.totals.gross) return 'amount';
  return undefined;
};
