import { person } from '../../domain/actor.js';
import { ConflictError, NotFoundError } from '../../domain/errors.js';
import { nextStepOf, resolutionConflict } from '../../domain/orders/flagged-payment.js';
import type { Payment, PaymentProblem, PaymentResolution } from '../../domain/orders/payment.js';
import { agencyCaller } from '../people/caller.js';
import type { Page } from '../ports/common.js';
import type { Caller, ServiceDeps } from '../ports/deps.js';
import { newEntry } from '../requests/timeline.js';

/**
 * Payments that did not settle their order, across every order, for agency staff to deal with:
 * a wrong amount or currency, an order that was not waiting, a variable symbol that matches no
 * order. Each stays on the list until someone resolves it with a note of what was done.
 */

/** A flagged payment as the list shows it: the payment, its order when known, why, and what to do next. */
export interface FlaggedPaymentView {
  paymentId: string;
  amount: number;
  currency: Payment['currency'];
  paidAt: string;
  reference?: string;
  variableSymbol?: string;
  source: Payment['source'];
  flaggedAt: string;
  recordedBy: string;
  requestId?: string;
  orderNumber?: string;
  expected?: NonNullable<Payment['expected']>;
  problem: PaymentProblem;
  next: string;
  resolution?: PaymentResolution;
}

export const toFlaggedPaymentView = (payment: Payment): FlaggedPaymentView => ({
  paymentId: payment.paymentId,
  amount: payment.amount,
  currency: payment.currency,
  paidAt: payment.paidAt,
  ...(payment.reference !== undefined ? { reference: payment.reference } : {}),
  ...(payment.variableSymbol !== undefined ? { variableSymbol: payment.variableSymbol } : {}),
  source: payment.source,
  flaggedAt: payment.recordedAt,
  recordedBy: payment.recordedBy,
  ...(payment.requestId !== undefined ? { requestId: payment.requestId } : {}),
  ...(payment.orderNumber !== undefined ? { orderNumber: payment.orderNumber } : {}),
  ...(payment.expected !== undefined ? { expected: payment.expected } : {}),
  // Flagged before `problem` existed, a payment was flagged for the only other reason there was.
  problem: payment.problem ?? 'not_awaiting',
  next: nextStepOf(payment),
  ...(payment.resolution !== undefined ? { resolution: payment.resolution } : {}),
});

/** The flagged payments nobody resolved yet, newest flagged first (agency staff). */
export const listFlaggedPayments = async (
  deps: Pick<ServiceDeps, 'users' | 'payments'>,
  caller: Caller,
  limit: number,
  cursor?: string,
): Promise<Page<FlaggedPaymentView>> => {
  await agencyCaller(deps.users, caller.userId, 'see flagged payments');
  const page = await deps.payments.listFlagged(limit, cursor);
  return { ...page, items: page.items.map(toFlaggedPaymentView) };
};

/**
 * Resolves a flagged payment (agency staff): who, when and their note are kept on it, it leaves
 * the flagged list, and a payment of a request gets an agency-only `payment_resolved` entry in the
 * same transaction (so the agent on the request hears of it). Conditional on it being flagged and
 * unresolved: of two resolutions at once one wins, the other is a 409 naming who resolved it.
 */
export const resolveFlaggedPayment = async (
  deps: Pick<ServiceDeps, 'users' | 'payments' | 'timeline' | 'unitOfWork' | 'now' | 'newId' | 'correlationId' | 'metrics'>,
  caller: Caller,
  paymentId: string,
  note: string,
): Promise<FlaggedPaymentView> => {
  const user = await agencyCaller(deps.users, caller.userId, 'resolve flagged payments');
  const payment = await deps.payments.find(paymentId);
  if (!payment) throw new NotFoundError(`Payment ${paymentId}`);
  const refused = resolutionConflict(payment);
  if (refused) throw refused;
  const at = deps.now().toISOString();
  const resolution: PaymentResolution = { by: user.userId, byName: user.name, at, note };
  const entry =
    payment.requestId === undefined
      ? undefined
      : newEntry(deps, person(user, 'agency'), payment.requestId, at, {
          kind: 'payment_resolved',
          visibility: 'agency',
          body: note,
          format: 'text',
          details: {
            paymentId: payment.paymentId,
            received: String(payment.amount),
            receivedCurrency: payment.currency,
            reason: payment.problem ?? 'not_awaiting',
            source: payment.source,
          },
        });
  try {
    await deps.unitOfWork.commit([deps.payments.resolve(payment, resolution), ...(entry ? [deps.timeline.append(entry)] : [])]);
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    // Someone resolved it between our read and our write: name them, as a resolution read first would.
    const now = await deps.payments.find(paymentId);
    throw (now && resolutionConflict(now)) ?? error;
  }
  deps.metrics.count('PaymentsResolved');
  return toFlaggedPaymentView({ ...payment, resolution });
};
