import * as z from 'zod';
import { canonicalJson, sha256Hex } from '../canonical.js';
import { hasEnded } from '../time.js';
import { Currency, hasDecimals, MinorUnits, totalsOf, type Totals } from './money.js';

export const OfferLine = z.object({
  description: z.string().trim().min(1).max(500),
  quantity: z
    .number()
    .positive()
    .max(1_000_000)
    .refine((q) => hasDecimals(q, 3), 'must have at most 3 decimal places'),
  unit: z.string().trim().min(1).max(20).describe('e.g. `h`, `ks`, `pcs`, `month`'),
  unitPrice: MinorUnits.describe('Net price of one unit in minor units (haléř, cent)'),
  vatRate: z
    .number()
    .min(0)
    .max(100)
    .refine((rate) => hasDecimals(rate, 2), 'must have at most 2 decimal places')
    .describe('Percent, e.g. 21'),
});
export type OfferLine = z.infer<typeof OfferLine>;

/** Days an offer stands when the agent names no validity. */
export const defaultValidityDays = 30;

/** What an agent writes. The totals are never written: they are computed from the lines. */
export const OfferTerms = z.object({
  lines: z.array(OfferLine).min(1).max(100),
  currency: Currency,
  validUntil: z.iso.datetime(),
  deliveryEstimate: z.string().trim().min(1).max(200).describe('e.g. "10 working days after payment"'),
  terms: z.string().trim().max(5000).default(''),
});
export type OfferTerms = z.infer<typeof OfferTerms>;

export const OfferStatus = z.enum(['open', 'superseded', 'accepted', 'rejected', 'expired']);
export type OfferStatus = z.infer<typeof OfferStatus>;

export const TotalsSchema = z.object({
  lineNets: z.array(z.number().int()),
  net: z.number().int(),
  vat: z.array(z.object({ rate: z.number(), base: z.number().int(), vat: z.number().int() })),
  gross: z.number().int(),
});

/** Who decided on an offer, when and from where: an acceptance is a binding order's signature. */
export const OfferDecision = z.object({
  decision: z.enum(['accepted', 'rejected']),
  userId: z.string(),
  name: z.string(),
  at: z.iso.datetime(),
  ip: z.string(),
  userAgent: z.string(),
  reason: z.string().optional(),
});
export type OfferDecision = z.infer<typeof OfferDecision>;

export const Offer = OfferTerms.extend({
  offerId: z.string(),
  requestId: z.string(),
  /** 1, 2, … per request: "offer 2" is the first revision. */
  number: z.number().int().positive(),
  totals: TotalsSchema,
  status: OfferStatus,
  createdAt: z.iso.datetime(),
  createdBy: z.string(),
  createdByName: z.string(),
  /** SHA-256 of the canonical offer (see `offerHash`): what the client saw and accepts. */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  decision: OfferDecision.optional(),
});
export type Offer = z.infer<typeof Offer>;

/** The content an acceptance binds: everything the client saw, nothing that changes later (status, decision). */
export const offerContent = (offer: Omit<Offer, 'status' | 'decision' | 'contentHash'>) => ({
  offerId: offer.offerId,
  requestId: offer.requestId,
  number: offer.number,
  lines: offer.lines,
  currency: offer.currency,
  validUntil: offer.validUntil,
  deliveryEstimate: offer.deliveryEstimate,
  terms: offer.terms,
  totals: offer.totals,
  createdAt: offer.createdAt,
});

export const offerHash = (offer: Omit<Offer, 'status' | 'decision' | 'contentHash'>): string => sha256Hex(canonicalJson(offerContent(offer)));

export interface NewOffer {
  terms: OfferTerms;
  offerId: string;
  requestId: string;
  number: number;
  createdAt: string;
  createdBy: string;
  createdByName: string;
}

/** An open offer with its totals computed and its content hashed. */
export const makeOffer = (input: NewOffer): Offer => {
  const totals: Totals = totalsOf(input.terms.lines);
  const base = { ...input.terms, offerId: input.offerId, requestId: input.requestId, number: input.number, totals, createdAt: input.createdAt, createdBy: input.createdBy, createdByName: input.createdByName };
  return { ...base, status: 'open', contentHash: offerHash(base) };
};

export const isFree = (offer: Pick<Offer, 'totals'>): boolean => offer.totals.gross === 0;

/**
 * What a decision on a request's open offer depends on, kept on the request while it is quoted
 * (written with the offer, in the same transaction), so that what a caller may do is known
 * without reading the offers: which offer is open, whether it is free, until when it stands.
 */
export const OpenOffer = z.object({
  number: z.number().int().positive(),
  free: z.boolean(),
  validUntil: z.iso.datetime(),
});
export type OpenOffer = z.infer<typeof OpenOffer>;

export const openOfferOf = (offer: Offer): OpenOffer => ({ number: offer.number, free: isFree(offer), validUntil: offer.validUntil });

/** An offer stands until `validUntil`: from then on nobody decides on it, whether or not the workflow has expired it yet. */
export const offerLapsed = (offer: Pick<Offer, 'validUntil'>, now: Date): boolean => hasEnded(offer.validUntil, now);

/** Which step accepting an offer is: a zero-price one skips payment (`accept_free_offer`), any other makes an order to pay. */
export const acceptanceOf = (offer: Pick<OpenOffer, 'free'>): 'accept_offer' | 'accept_free_offer' => (offer.free ? 'accept_free_offer' : 'accept_offer');

/** Why an offer can't be accepted or rejected now, if it can't. */
export type OfferRefusal = 'superseded' | 'expired' | 'decided' | 'changed';

export const refusalOf = (offer: Offer, seenHash: string, now: Date): OfferRefusal | undefined => {
  if (offer.status === 'superseded') return 'superseded';
  if (offer.status === 'accepted' || offer.status === 'rejected') return 'decided';
  if (offer.status === 'expired' || offerLapsed(offer, now)) return 'expired';
  if (seenHash !== offer.contentHash) return 'changed';
  return undefined;
};
