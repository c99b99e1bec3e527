import { describe, expect, it } from 'vitest';
import { makeOffer } from '../../../lib/domain/orders/offer.js';
import { draftFromOffer, emptyDraft, isPristine, lineField, placeProblems, readDraft, retypeDraft, type OfferDraft } from '../../../portal/src/agency/request/offer/offer-draft.js';

const draft = (): OfferDraft => ({
  ...emptyDraft(),
  lines: [
    { key: 'a', description: 'Vývoj', quantity: '12,5', unit: 'h', unitPrice: '1 234,56', vatRate: '21' },
    { key: 'b', description: 'Licence', quantity: '0,333', unit: 'ks', unitPrice: '999,99', vatRate: '12' },
    { key: 'c', description: 'Školení', quantity: '1', unit: 'ks', unitPrice: '0,05', vatRate: '21' },
  ],
  deliveryEstimate: 'do 10 dnů',
});

describe('the offer editor’s draft: what is typed, read as the API takes it', () => {
  it('totals fractional quantities at two VAT rates exactly as the server computes the posted offer', () => {
    const read = readDraft(draft(), 'cs');
    expect(read.body?.lines.map(({ quantity, unitPrice, vatRate }) => ({ quantity, unitPrice, vatRate }))).toEqual([
      { quantity: 12.5, unitPrice: 123456, vatRate: 21 },
      { quantity: 0.333, unitPrice: 99999, vatRate: 12 },
      { quantity: 1, unitPrice: 5, vatRate: 21 },
    ]);
    const server = makeOffer({
      terms: { ...read.body!, terms: '', validUntil: '2026-05-01T00:00:00.000Z' },
      offerId: '2026-0001/1',
      requestId: '2026-0001',
      number: 1,
      createdAt: '2026-04-01T00:00:00.000Z',
      createdBy: 'agent',
      createdByName: 'Eva',
    });
    expect(read.totals).toEqual(server.totals);
    expect(read.lineNets).toEqual(server.totals.lineNets);
    // 12.5 × 1 234,56 = 15 432,00; 0.333 × 999,99 = 332,99667 → 333,00; VAT 21 % on 15 432,05 = 3 240,7305 → 3 240,73.
    expect(server.totals.lineNets).toEqual([1543200, 33300, 5]);
    expect(server.totals.vat).toEqual([
      { rate: 12, base: 33300, vat: 3996 },
      { rate: 21, base: 1543205, vat: 324073 },
    ]);
  });

  it('posts nothing while a number does not read, and totals the lines that do', () => {
    const typed = draft();
    typed.lines[1] = { ...typed.lines[1]!, unitPrice: '999,999' };
    const read = readDraft(typed, 'cs');
    expect(read.body).toBeUndefined();
    expect(read.complete).toBe(false);
    expect([...read.problems]).toEqual([[lineField('b', 'unitPrice'), 'decimals']]);
    expect(read.lineNets).toEqual([1543200, undefined, 5]);
    expect(read.totals.net).toBe(1543205);
  });

  it('leaves what the API judges to the API: an empty description is posted, and its 400 comes back to the line it was on', () => {
    const typed = draft();
    typed.lines[1] = { ...typed.lines[1]!, description: '' };
    expect(readDraft(typed, 'cs').body?.lines[1]?.description).toBe('');
    const posted = typed.lines.map((line) => line.key);
    // The person moved line 2 to the top before the answer came: the mark follows the line.
    const placed = placeProblems(new Map([['lines.1.description', 'Too small'], ['deliveryEstimate', 'Required'], ['lines.2', 'bad line']]), posted);
    expect([...placed]).toEqual([
      ['b.description', 'Too small'],
      ['deliveryEstimate', 'Required'],
      ['c', 'bad line'],
    ]);
  });

  it('sends the validity as the end of the chosen day, and leaves out empty terms and note', () => {
    const typed = { ...draft(), validUntil: '2026-04-30', terms: '  ', note: '' };
    const body = readDraft(typed, 'cs').body!;
    const end = new Date(body.validUntil!);
    expect([end.getFullYear(), end.getMonth(), end.getDate(), end.getHours(), end.getMinutes()]).toEqual([2026, 3, 30, 23, 59]);
    expect(body).not.toHaveProperty('terms');
    expect(body).not.toHaveProperty('note');
    expect(readDraft({ ...typed, validUntil: '2026-02-30' }, 'cs').problems.get('validUntil')).toBe('date');
  });

  it('starts a revision from an offer as the person would have typed it', () => {
    const revision = draftFromOffer({ lines: [{ description: 'Vývoj', quantity: 12.5, unit: 'h', unitPrice: 150050, vatRate: 21 }], currency: 'CZK', deliveryEstimate: 'brzy', terms: 'T' }, 'cs');
    expect(revision.lines.map(({ key: _, ...line }) => line)).toEqual([{ description: 'Vývoj', quantity: '12,5', unit: 'h', unitPrice: '1 500,50', vatRate: '21' }]);
    expect(isPristine(revision)).toBe(false);
    expect(isPristine(emptyDraft())).toBe(true);
  });
});

describe('the offer editor’s draft across a switch of language', () => {
  it('rewrites the numbers typed in one language the way the other writes them, and leaves what does not read as typed', () => {
    const typed: OfferDraft = { ...draft(), language: 'cs' };
    typed.lines[2] = { ...typed.lines[2]!, unitPrice: 'hodně' };
    const english = retypeDraft(typed, 'en');
    expect(english.lines.map(({ quantity, unitPrice, vatRate }) => [quantity, unitPrice, vatRate])).toEqual([
      ['12.5', '1,234.56', '21'],
      ['0.333', '999.99', '12'],
      ['1', 'hodně', '21'],
    ]);
    expect(readDraft(english, 'en').lineNets.slice(0, 2)).toEqual(readDraft(typed, 'cs').lineNets.slice(0, 2));
    expect(isPristine({ ...emptyDraft(), language: 'en' })).toBe(true);
  });
});
