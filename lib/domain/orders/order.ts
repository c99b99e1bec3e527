import * as z from 'zod';
import { Language } from '../mail/preferences.js';
import { Platform } from '../platform.js';
import { pragueDate, addCalendarDays } from '../time.js';
import { BillingDetails, Supplier } from './billing.js';
import { Currency } from './money.js';
import { OfferLine, TotalsSchema, type Offer } from './offer.js';

/** Days from acceptance to the payment's due date. */
export const paymentTermDays = 14;

/** `2026-0042` → `2026000042`: the year and the sequence in six digits, ten digits in all (QR Platba's X-VS allows ten). */
export const variableSymbolOf = (requestId: string): string => {
  const [year, sequence] = requestId.split('-');
  return `${year}${sequence!.padStart(6, '0')}`;
};

/** The request a variable symbol names, if it is one of ours. */
export const requestIdOfVariableSymbol = (vs: string): string | undefined => {
  const match = /^(\d{4})(\d{6})$/.exec(vs);
  if (!match) return undefined;
  return `${match[1]}-${String(Number(match[2])).padStart(4, '0')}`;
};

/** One binding order per request: the request's number with the prefix of an order (objednávka). */
export const orderNumberOf = (requestId: string): string => `OBJ-${requestId}`;

export const OrderDocumentRef = z.object({
  /** The PDF's key in the bucket (`orders/…`). */
  key: z.string(),
  sha256: z.string(),
  size: z.number().int().positive(),
  fileName: z.string(),
});
export type OrderDocumentRef = z.infer<typeof OrderDocumentRef>;

/** A binding order: the accepted offer's content frozen with both parties' details. */
export const Order = z.object({
  orderNumber: z.string(),
  requestId: z.string(),
  requestTitle: z.string(),
  platform: Platform,
  offerId: z.string(),
  offerNumber: z.number().int().positive(),
  /** The accepted offer's content hash, as accepted. */
  offerHash: z.string(),
  variableSymbol: z.string().regex(/^\d{1,10}$/),
  issuedAt: z.iso.datetime(),
  /** A calendar day (Prague): `2026-12-09`. */
  dueDate: z.iso.date(),
  currency: Currency,
  lines: z.array(OfferLine),
  totals: TotalsSchema,
  deliveryEstimate: z.string(),
  terms: z.string(),
  supplier: Supplier,
  customer: BillingDetails,
  acceptedBy: z.object({ userId: z.string(), name: z.string(), email: z.string().optional() }),
  /** The document's language: the accepting person's mail language. */
  language: Language,
  /** Set once the PDF is stored. */
  document: OrderDocumentRef.optional(),
  /** Set once a matching payment is recorded. */
  paidAt: z.iso.datetime().optional(),
});
export type Order = z.infer<typeof Order>;

export interface OrderParties {
  supplier: Supplier;
  customer: BillingDetails;
  acceptedBy: Order['acceptedBy'];
  language: Language;
  requestTitle: string;
  platform: Platform;
}

export const makeOrder = (offer: Offer, parties: OrderParties, at: Date): Order => ({
  orderNumber: orderNumberOf(offer.requestId),
  requestId: offer.requestId,
  offerId: offer.offerId,
  offerNumber: offer.number,
  offerHash: offer.contentHash,
  variableSymbol: variableSymbolOf(offer.requestId),
  issuedAt: at.toISOString(),
  dueDate: addCalendarDays(pragueDate(at), paymentTermDays),
  currency: offer.currency,
  lines: offer.lines,
  totals: offer.totals,
  deliveryEstimate: offer.deliveryEstimate,
  terms: offer.terms,
  ...parties,
});

export const orderFileName = (order: Pick<Order, 'orderNumber'>) => `${order.orderNumber}.pdf`;

/** What the mails about paying an order show (its `order_issued` and `payment_reminder` entries' details). */
export const paymentDetailsOf = (order: Order): Record<string, string> => ({
  orderNumber: order.orderNumber,
  gross: String(order.totals.gross),
  currency: order.currency,
  dueDate: order.dueDate,
  variableSymbol: order.variableSymbol,
  iban: order.supplier.iban,
  acceptedBy: order.acceptedBy.userId,
});
