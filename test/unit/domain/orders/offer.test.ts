import { describe, expect, it } from 'vitest';
import { makeOffer, offerHash, OfferLine, refusalOf, type OfferTerms } from '../../../../lib/domain/orders/offer.js';

const terms: OfferTerms = {
  lines: [{ description: 'Košík', quantity: 2, unit: 'h', unitPrice: 150000, vatRate: 21 }],
  currency: 'CZK',
  validUntil: '2026-12-25T12:00:00.000Z',
  deliveryEstimate: '10 dnů',
  terms: '',
};
const offer = makeOffer({ terms, offerId: '2026-0042/1', requestId: '2026-0042', number: 1, createdAt: '2026-11-25T12:00:00.000Z', createdBy: 'u1', createdByName: 'Eva' });

describe('an offer', () => {
  it('computes its totals and hashes its content', () => {
    expect(offer.totals).toMatchObject({ net: 300000, gross: 363000 });
    expect(offer.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(offerHash(offer)).toBe(offer.contentHash);
  });

  it('gets another hash when anything the client saw changes, and the same when only its status does', () => {
    expect(offerHash({ ...offer, terms: 'x' })).not.toBe(offer.contentHash);
    expect(offerHash({ ...offer, totals: { ...offer.totals, gross: 1 } })).not.toBe(offer.contentHash);
    expect(offerHash({ ...offer, status: 'accepted' } as typeof offer)).toBe(offer.contentHash);
  });

  it('rejects an offer acceptance after the offer expired', () => {
    expect(refusalOf(offer, offer.contentHash, new Date('2026-12-25T12:00:00.000Z'))).toBe('expired');
    expect(refusalOf(offer, offer.contentHash, new Date('2026-12-25T11:59:59.000Z'))).toBeUndefined();
  });

  it('refuses a superseded, decided or changed offer, each with its reason', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    expect(refusalOf({ ...offer, status: 'superseded' }, offer.contentHash, now)).toBe('superseded');
    expect(refusalOf({ ...offer, status: 'accepted' }, offer.contentHash, now)).toBe('decided');
    expect(refusalOf(offer, 'f'.repeat(64), now)).toBe('changed');
  });

  it('takes quantities to 3 decimals and VAT rates to 2', () => {
    const base = { description: 'x', unit: 'h', unitPrice: 1 };
    expect(OfferLine.safeParse({ ...base, quantity: 1.125, vatRate: 21 }).success).toBe(true);
    expect(OfferLine.safeParse({ ...base, quantity: 1.1251, vatRate: 21 }).success).toBe(false);
    expect(OfferLine.safeParse({ ...base, quantity: 1, vatRate: 5.55 }).success).toBe(true);
    expect(OfferLine.safeParse({ ...base, quantity: 1, vatRate: 5.555 }).success).toBe(false);
    expect(OfferLine.safeParse({ ...base, quantity: 0, vatRate: 21 }).success).toBe(false);
  });
});
