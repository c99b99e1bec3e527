import * as z from 'zod';
import { Address, BillingDetails } from '../../domain/orders/billing.js';
import { amountLimitProblems, Currency, maxMinorUnits, MinorUnits } from '../../domain/orders/money.js';
import { OfferLine, OfferTerms } from '../../domain/orders/offer.js';
import { Order } from '../../domain/orders/order.js';
import { Payment, PaymentProblem, PaymentResolution } from '../../domain/orders/payment.js';
import { RequestId } from '../../domain/request.js';
import { singleLine } from '../../domain/single-line.js';
import { OfferView, RequestView } from '../../services/views.js';
import { Cursor, pageLimit } from './requests.js';

/** Input and answer schemas of the offer, order, payment and billing routes. */

export const OfferBody = z
  .strictObject({
    lines: z
      .array(OfferLine.extend({ description: singleLine(OfferLine.shape.description), unit: singleLine(OfferLine.shape.unit) }).strict())
      .min(1)
      .max(100)
      .superRefine((lines, ctx) => amountLimitProblems(lines).forEach((problem) => ctx.addIssue({ code: 'custom', ...problem })))
      .describe(`What the offer includes; the totals are computed from these. Each line's net (quantity × unit price) and the offer's total with VAT are at most ${maxMinorUnits} minor units, the most a payment may be`),
    currency: Currency,
    validUntil: z.iso.datetime({ offset: true }).optional().describe('Default: 30 days from now'),
    deliveryEstimate: singleLine(OfferTerms.shape.deliveryEstimate),
    terms: z.string().trim().max(5000).optional(),
    note: z.string().trim().min(1).max(5000).optional().describe('Shown with the offer on the timeline and in its mail (Markdown)'),
  })
  .meta({ id: 'NewOffer' });

export const OfferPath = z.strictObject({
  requestId: RequestId,
  offerNumber: z.coerce.number().int().positive().max(9999).describe('1 for the first offer of the request, 2 for its revision, …'),
});

const ContentHash = z
  .string()
  .regex(/^[0-9a-f]{64}$/, 'must be the 64 hex digits of the offer’s contentHash')
  .describe('The `contentHash` of the offer as you saw it: you accept exactly that content');

export const AcceptBody = z.strictObject({ contentHash: ContentHash }).meta({ id: 'OfferAcceptance' });
export const RejectBody = z
  .strictObject({ contentHash: ContentHash, reason: z.string().trim().min(1).max(2000).describe('What to change; the agent may post a revised offer') })
  .meta({ id: 'OfferRejection' });

/** What each caller sees of an offer: `toOfferView` (an invited participant, no evidence of the decision). */
export { OfferView };
export const OfferDecisionView = z.object({ request: RequestView, offer: OfferView }).meta({ id: 'OfferDecisionResult' });

export const PaymentView = Payment.meta({ id: 'Payment' });
export const OrderView = z
  .object({
    order: Order,
    payments: z.array(PaymentView).describe('Clients see the payments taken; the agency also the flagged ones'),
    download: z.object({ url: z.string(), expiresAt: z.iso.datetime(), fileName: z.string() }).optional().describe('The PDF, once it is made'),
  })
  .meta({ id: 'Order' });

export const PaymentBody = z
  .strictObject({
    amount: MinorUnits.describe('As received, in minor units'),
    currency: Currency,
    paidAt: z.iso.datetime({ offset: true }).describe('When the money arrived'),
    reference: singleLine(z.string().trim().max(200)).optional().describe('The bank’s reference'),
    paymentId: singleLine(z.string().trim().min(1).max(100)).optional().describe('The bank’s id of the payment, so it is never counted twice'),
  })
  .meta({ id: 'NewPayment' });

export const PaymentResultView = z
  .object({
    outcome: z.enum(['paid', 'flagged', 'duplicate', 'unknown_order']).describe('`flagged`: recorded, but not the order’s amount or currency; the order still waits'),
    requestId: RequestId.optional(),
    payment: PaymentView.optional(),
  })
  .meta({ id: 'PaymentResult' });

/** A payment's id as the bank or an agent gave it: one line, as the webhook and `POST …/payments` take it. */
export const FlaggedPaymentPath = z.strictObject({ paymentId: singleLine(z.string().min(1).max(100)) });

export const FlaggedPaymentQuery = z.strictObject({ limit: pageLimit(100, 25), cursor: Cursor });

export const FlaggedPaymentView = z
  .object({
    paymentId: z.string(),
    amount: MinorUnits.describe('As received, in minor units'),
    currency: Currency,
    paidAt: z.iso.datetime().describe('When the money arrived (the bank’s date)'),
    reference: z.string().optional().describe('The bank’s reference: for `unknown_order`, where to look for the order'),
    variableSymbol: z.string().optional().describe('The variable symbol the bank reported (webhook payments)'),
    source: Payment.shape.source,
    flaggedAt: z.iso.datetime().describe('When orderdesk recorded and flagged it; the list is newest first by this'),
    recordedBy: z.string().describe('The agency person’s user id, or `payment-webhook`'),
    requestId: RequestId.optional().describe('The request whose order it was for; absent for `unknown_order`'),
    orderNumber: z.string().optional(),
    expected: z.object({ amount: MinorUnits, currency: Currency }).optional().describe('What the order asked for (its gross); absent for `unknown_order`'),
    problem: PaymentProblem,
    next: z.string().describe('What to do about it, in a sentence (English)'),
    resolution: PaymentResolution.optional().describe('Once resolved: who, when and their note; it has left the list'),
  })
  .meta({ id: 'FlaggedPayment' });

export const FlaggedPaymentPage = z.object({ items: z.array(FlaggedPaymentView), nextCursor: z.string().optional() }).meta({ id: 'FlaggedPaymentPage' });

export const ResolveFlaggedBody = z
  .strictObject({ note: z.string().trim().min(1).max(2000).describe('What was done: refunded, the difference paid, recorded on request 2026-0042, …; kept with the payment and on its request’s timeline (agency only)') })
  .meta({ id: 'PaymentResolutionNote' });

/** What an order states of the client: each a line of its own in the PDF, so each is one line. */
export const BillingBody = BillingDetails.extend({
  name: singleLine(BillingDetails.shape.name),
  address: Address.extend({
    street: singleLine(Address.shape.street),
    city: singleLine(Address.shape.city),
    postalCode: singleLine(Address.shape.postalCode),
  }).strict(),
})
  .strict()
  .meta({ id: 'BillingDetails' });
