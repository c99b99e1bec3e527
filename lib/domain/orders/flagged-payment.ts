import { ConflictError } from '../errors.js';
import type { Payment, PaymentProblem } from './payment.js';

/**
 * What agency staff do about a flagged payment, by why it was flagged: one English sentence the
 * list shows beside it, so whoever picks it up knows the next step without reading the docs. Each
 * ends in resolving it, which takes it off the list.
 */
const nextSteps: Record<PaymentProblem, string> = {
  amount: 'The amount is not the order’s: ask the client to pay the difference (or refund what was paid too much), then resolve it saying which.',
  currency: 'It came in another currency than the order’s: refund it and ask the client to pay in the order’s currency, then resolve it.',
  not_awaiting: 'The order was not waiting for this payment (paid already, or paid twice): refund it or agree with the client what it pays for, then resolve it.',
  unknown_order:
    'Its variable symbol matches no order: find the order by the reference or the sender, record the payment on it (POST /requests/{requestId}/payments without a paymentId: this one’s id is taken by this record), then resolve it naming the request.',
};

/** The next step for a payment on the flagged list; a resolved one needs none. */
export const nextStepOf = (payment: Pick<Payment, 'problem' | 'resolution'>): string => {
  if (payment.resolution) return `Nothing to do: ${payment.resolution.byName} resolved it.`;
  return nextSteps[payment.problem ?? 'not_awaiting'];
};

/** Whether a payment is on the flagged list: recorded, not taken as its order's payment, not yet dealt with. */
export const isOpenFlag = (payment: Pick<Payment, 'matched' | 'resolution'>): boolean => !payment.matched && payment.resolution === undefined;

/**
 * Why this payment can't be resolved now, if it can't: it paid its order (nothing was flagged), or
 * someone resolved it already (a second resolution is a 409 naming the first, not a silent repeat:
 * its note would be lost, and the second person should know the first one acted).
 */
export const resolutionConflict = (payment: Pick<Payment, 'paymentId' | 'matched' | 'resolution'>): ConflictError | undefined => {
  if (payment.matched) return new ConflictError(`Payment ${payment.paymentId} paid its order: it was not flagged`, 'Nothing to resolve');
  const done = payment.resolution;
  if (done) {
    return new ConflictError(
      `Payment ${payment.paymentId} was resolved already, by ${done.byName} at ${done.at}`,
      'Nothing to do: it has left the flagged list (its resolution says what was done). If more needs saying, write an internal note on its request',
    );
  }
  return undefined;
};
