import * as z from 'zod';
import { Currency, MinorUnits } from './money.js';
import type { Order } from './order.js';

/** A payment as the bank (through the webhook) or an agent reports it. */
export const Payment = z.object({
  paymentId: z.string(),
  requestId: z.string(),
  amount: MinorUnits,
  currency: Currency,
  /** When the money arrived (the bank's date). */
  paidAt: z.iso.datetime(),
  reference: z.string().optional(),
  source: z.enum(['webhook', 'agent']),
  recordedBy: z.string(),
  recordedAt: z.iso.datetime(),
  /** Taken as the order's payment; otherwise flagged to the agency and the order still waits. */
  matched: z.boolean(),
  problem: z.enum(['amount', 'currency', 'not_awaiting']).optional(),
});
export type Payment = z.infer<typeof Payment>;

export type PaymentProblem = NonNullable<Payment['problem']>;

/** Whether a payment settles the order: exactly its gross, in its currency, while it waits for payment. */
export const paymentProblem = (order: Pick<Order, 'totals' | 'currency' | 'paidAt'>, payment: Pick<Payment, 'amount' | 'currency'>, awaiting: boolean): PaymentProblem | undefined => {
  if (!awaiting || order.paidAt) return 'not_awaiting';
  if (payment.currency !== order.currency) return 'currency';
  if (payment.amount !== order.totals.gross) return 'amount';
  return undefined;
};
