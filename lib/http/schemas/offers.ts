import * as z from 'zod';
import { Address, BillingDetails } from '../../domain/orders/billing.js';
import { amountLimitProblems, Currency, maxMinorUnits, MinorUnits } from '../../domain/orders/money.js';
import { OfferLine, OfferTerms } from '../../domain/orders/offer.js';
import { Order } from '../../domain/orders/order.js';
import { Payment } from '../../domain/orders/payment.js';
import { RequestId } from '../../domain/request.js';
import { singleLine } from '../../domain/single-line.js';
import { OfferView, RequestView } from '../../services/views.js';

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
