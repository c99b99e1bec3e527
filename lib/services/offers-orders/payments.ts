import * as z from 'zod';
import { system, type Actor } from '../../domain/actor.js';
import { setTimeout as pause } from 'node:timers/promises';
import { ConflictError, ForbiddenError, ServiceBusyError, UnauthenticatedError, ValidationError } from '../../domain/errors.js';
import { Currency, MinorUnits } from '../../domain/orders/money.js';
import { requestIdOfVariableSymbol } from '../../domain/orders/order.js';
import { paymentProblem, type Payment } from '../../domain/orders/payment.js';
import { singleLine } from '../../domain/single-line.js';
import { checkWebhookSignature } from '../../domain/orders/webhook-signature.js';
import { logger } from '../../observability/logger.js';
import type { Caller, WorkflowDeps } from '../ports/deps.js';
import { takeStep } from '../requests/lifecycle-step.js';
import { openCallerRequest } from '../requests/open-request.js';
import { newEntry } from '../requests/timeline.js';
import { nudgeWorkflow } from '../workflow/workflow-signals.js';

export interface PaymentInput {
  paymentId: string;
  amount: number;
  currency: Payment['currency'];
  paidAt: string;
  reference?: string;
  /** The variable symbol the bank reported (the webhook's). */
  variableSymbol?: string;
}

export type PaymentOutcome = 'paid' | 'flagged' | 'duplicate' | 'unknown_order';

export interface PaymentResult {
  outcome: PaymentOutcome;
  requestId?: string;
  payment?: Payment;
}

/**
 * The answer to a payment id recorded already: the payment it was. One that matched no order is
 * answered as it was the first time (the provider learns nothing new); an agent naming that id
 * for a request is told to record theirs under another, since the id is the flagged record's.
 */
const answerRecorded = (recorded: Payment, source: Payment['source']): PaymentResult => {
  if (recorded.requestId !== undefined) return { outcome: 'duplicate', requestId: recorded.requestId, payment: recorded };
  if (source === 'agent') {
    throw new ConflictError(
      `Payment ${recorded.paymentId} is a bank payment that matched no order; it is on the flagged list`,
      'Record the payment on this request without a paymentId, then resolve the flagged one (POST /payments/flagged/{paymentId}/resolve)',
    );
  }
  return { outcome: 'unknown_order' };
};

/**
 * A payment whose variable symbol matches no order (none of ours, or a request without an order):
 * recorded all the same, beside its id's claim, so nothing the bank sent is lost, and flagged to
 * the agency's list of flagged payments. With no request there is no timeline to write on, so no
 * entry and no mail: the list is where it shows.
 */
const recordUnmatched = async (deps: WorkflowDeps, payment: Payment): Promise<PaymentResult> => {
  await deps.unitOfWork.commit(deps.payments.record(payment));
  deps.metrics.count('PaymentsFlagged');
  logger.warn('a payment that matches no order was recorded and flagged', { paymentId: payment.paymentId, variableSymbol: payment.variableSymbol });
  return { outcome: 'unknown_order' };
};

/**
 * Records a payment once (by its id) and settles the order if it matches exactly: its gross, its
 * currency, while the request awaits payment. Paid, the request joins its client's queue (the
 * step `mark_paid`) and the workflow hands it over to the work stage. A payment that does not
 * match is recorded and flagged to the agency (an agency-only entry, and the list of flagged
 * payments), and the order still waits. `requestId` is undefined for a variable symbol that
 * names no request of ours.
 */
const applyPaymentOnce = async (deps: WorkflowDeps, actor: Actor, requestId: string | undefined, input: PaymentInput, source: Payment['source']): Promise<PaymentResult> => {
  const recorded = await deps.payments.find(input.paymentId);
  if (recorded) return answerRecorded(recorded, source);
  const [request, order] = requestId === undefined ? [] : await Promise.all([deps.requests.get(requestId), deps.orders.get(requestId)]);
  const at = deps.now().toISOString();
  const base = {
    ...input,
    paidAt: new Date(input.paidAt).toISOString(),
    source,
    recordedBy: actor.kind === 'person' ? actor.user.userId : actor.name,
    recordedAt: at,
  };
  if (!requestId || !request || !order) return recordUnmatched(deps, { ...base, matched: false, problem: 'unknown_order' });
  const problem = paymentProblem(order, input, request.status === 'awaiting_payment');
  const payment: Payment = {
    ...base,
    requestId,
    matched: problem === undefined,
    // A flagged payment keeps what its order asked for, so the flagged list reads no orders.
    ...(problem ? { problem, orderNumber: order.orderNumber, expected: { amount: order.totals.gross, currency: order.currency } } : {}),
  };
  if (problem) {
    const entry = newEntry(deps, actor, requestId, at, {
      kind: 'payment_flagged',
      visibility: 'agency',
      details: {
        paymentId: payment.paymentId,
        expected: String(order.totals.gross),
        expectedCurrency: order.currency,
        received: String(payment.amount),
        receivedCurrency: payment.currency,
        reason: problem,
        source,
      },
    });
    await deps.unitOfWork.commit([...deps.payments.record(payment), deps.timeline.append(entry)]);
    deps.metrics.count('PaymentsFlagged');
    logger.warn('a payment did not match its order and was flagged', { requestId, paymentId: payment.paymentId, problem });
    return { outcome: 'flagged', requestId, payment };
  }
  const updated = await takeStep(deps, actor, request, {
    action: 'mark_paid',
    details: { paymentId: payment.paymentId, amount: String(payment.amount), currency: payment.currency, orderNumber: order.orderNumber },
    also: [...deps.payments.record(payment), deps.orders.markPaid(order, payment.paidAt)],
  });
  deps.metrics.count('PaymentsReceived');
  await nudgeWorkflow(deps, requestId, updated.status);
  return { outcome: 'paid', requestId, payment };
};

/** How often a payment that lost a race to another change of its request is applied again. */
const maxAttempts = 6;

/**
 * A payment is applied on the request and order as they stand; when another change of the
 * request commits first (ten bank deliveries for one order at once: one pays it, the others must
 * then be flagged as not awaiting payment), it is applied again on the new state. A provider may
 * take a 4xx as final and drop the record, so a valid delivery is never refused for contention:
 * it ends recorded exactly once (by its payment id), or, when others keep coming first, as a 503
 * with Retry-After that changed nothing.
 */
const applyPayment = async (deps: WorkflowDeps, actor: Actor, requestId: string | undefined, input: PaymentInput, source: Payment['source']): Promise<PaymentResult> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await applyPaymentOnce(deps, actor, requestId, input, source);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      // The same payment delivered twice at once: the other delivery recorded it.
      const winner = await deps.payments.find(input.paymentId);
      if (winner) return answerRecorded(winner, source);
      if (attempt === maxAttempts) throw new ServiceBusyError('Other changes of this order kept coming first; the payment was not recorded yet', 1, { cause: error });
      logger.info('a payment lost a race to another change of its request; applying it again', { requestId, paymentId: input.paymentId, attempt });
      // A little random wait, so the deliveries that lost together don't meet again.
      await pause(Math.floor(Math.random() * 20 * attempt));
    }
  }
};

/** An agent records a payment they see on the bank statement. */
export const recordPayment = async (deps: WorkflowDeps, caller: Caller, requestId: string, input: Omit<PaymentInput, 'paymentId'> & { paymentId?: string }): Promise<PaymentResult> => {
  const { level, actor } = await openCallerRequest(deps, caller, requestId);
  if (level !== 'agency') throw new ForbiddenError('Only agency staff record payments');
  if (!(await deps.orders.get(requestId))) throw new ConflictError(`Request ${requestId} has no binding order to pay`, 'Payments are recorded after an offer is accepted');
  return applyPayment(deps, actor, requestId, { ...input, paymentId: input.paymentId ?? `agent-${deps.newId()}` }, 'agent');
};

/** What the payment provider posts (JSON, signed). */
export const WebhookPayment = z.strictObject({
  paymentId: singleLine(z.string().min(1).max(100)),
  variableSymbol: z.string().regex(/^\d{1,10}$/, 'must be 1 to 10 digits'),
  amount: MinorUnits,
  currency: Currency,
  paidAt: z.iso.datetime({ offset: true }),
  reference: singleLine(z.string().max(200)).optional(),
});

export interface WebhookDelivery {
  rawBody: Buffer;
  timestamp?: string;
  signature?: string;
}

/**
 * The payment provider's webhook: the signature over the timestamp and the raw body with the
 * shared secret, a 5-minute replay window, then the payment, idempotent by its id. A payment
 * whose variable symbol matches no order is answered `unknown_order` (200: the provider must not
 * retry it) and recorded on the agency's list of flagged payments.
 */
export const receivePaymentWebhook = async (deps: WorkflowDeps, secret: string, delivery: WebhookDelivery): Promise<PaymentResult> => {
  const refusal = checkWebhookSignature(secret, delivery, delivery.rawBody, deps.now());
  if (refusal) throw new UnauthenticatedError(`The webhook's signature is ${refusal === 'stale' ? 'too old (replay window 5 minutes)' : refusal}`);
  let json: unknown;
  try {
    json = JSON.parse(delivery.rawBody.toString('utf8'));
  } catch (error) {
    throw new ValidationError([{ field: 'body', reason: 'must be JSON' }], { cause: error });
  }
  const parsed = WebhookPayment.safeParse(json);
  if (!parsed.success) throw new ValidationError(parsed.error.issues.map((issue) => ({ field: ['body', ...issue.path.map(String)].join('.'), reason: issue.message })));
  return applyPayment(deps, system('payment-webhook'), requestIdOfVariableSymbol(parsed.data.variableSymbol), parsed.data, 'webhook');
};

