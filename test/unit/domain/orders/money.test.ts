import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountLimitProblems, decimalAmount, formatMoney, hasDecimals, maxMinorUnits, totalsOf, type PricedLine } from '../../../../lib/domain/orders/money.js';

const line = fc.record({
  quantity: fc.integer({ min: 1, max: 1_000_000 }).map((thousandths) => thousandths / 1000),
  unitPrice: fc.integer({ min: 0, max: 100_000_000 }),
  vatRate: fc.constantFrom(0, 10, 12, 15, 21, 5.5),
});
const lines = fc.array(line, { minLength: 1, maxLength: 30 });

/** The exact value, as a rational number of minor units, with plain BigInt arithmetic. */
const exactNet = (l: PricedLine) => (BigInt(Math.round(l.quantity * 1000)) * BigInt(l.unitPrice)) / 1000n;

describe('totals: one rounding rule, computed server-side', () => {
  it('rounds a line half away from zero to the minor unit', () => {
    // 0.005 × 101 = 0.505 → 1; 0.004 × 101 = 0.404 → 0.
    expect(totalsOf([{ quantity: 0.005, unitPrice: 101, vatRate: 21 }]).lineNets).toEqual([1]);
    expect(totalsOf([{ quantity: 0.004, unitPrice: 101, vatRate: 21 }]).lineNets).toEqual([0]);
  });

  it('computes VAT once per rate on the sum of that rate’s nets, not per line', () => {
    // Three lines of 0.10 at 21 %: per line 0.021 → 0.02 each (0.06); on the sum 0.30 → 0.063 → 0.06.
    // Three lines of 0.50 at 21 %: per line 0.105 → 0.11 each (0.33); on the sum 1.50 → 0.315 → 0.32.
    const totals = totalsOf(Array.from({ length: 3 }, () => ({ quantity: 1, unitPrice: 50, vatRate: 21 })));
    expect(totals.vat).toEqual([{ rate: 21, base: 150, vat: 32 }]);
    expect(totals.gross).toBe(182);
  });

  it('keeps gross = net + every rate’s VAT, net = the sum of the lines, whatever the lines', () => {
    fc.assert(
      fc.property(lines, (ls) => {
        const t = totalsOf(ls);
        expect(t.net).toBe(t.lineNets.reduce((a, b) => a + b, 0));
        expect(t.gross).toBe(t.net + t.vat.reduce((a, row) => a + row.vat, 0));
        expect(t.vat.reduce((a, row) => a + row.base, 0)).toBe(t.net);
      }),
    );
  });

  it('gives the same totals in any order of the lines', () => {
    fc.assert(fc.property(lines, fc.integer(), (ls, seed) => {
      const shuffled = [...ls].sort((a, b) => ((a.unitPrice * 31 + seed) % 7) - ((b.unitPrice * 31 + seed) % 7));
      const a = totalsOf(ls);
      const b = totalsOf(shuffled);
      expect([b.net, b.gross, b.vat]).toEqual([a.net, a.gross, a.vat]);
    }));
  });

  it('stays within half a minor unit of the exact amount on every line and every rate', () => {
    fc.assert(
      fc.property(lines, (ls) => {
        const t = totalsOf(ls);
        ls.forEach((l, i) => {
          const exact = Number(BigInt(Math.round(l.quantity * 1000)) * BigInt(l.unitPrice)) / 1000;
          expect(Math.abs(t.lineNets[i]! - exact)).toBeLessThanOrEqual(0.5);
          expect(t.lineNets[i]! - Number(exactNet(l))).toBeLessThanOrEqual(1);
        });
        for (const row of t.vat) expect(Math.abs(row.vat - (row.base * row.rate) / 100)).toBeLessThanOrEqual(0.5 + 1e-9);
      }),
    );
  });

  it('takes a zero price as a valid offer with zero totals', () => {
    expect(totalsOf([{ quantity: 3, unitPrice: 0, vatRate: 21 }])).toMatchObject({ net: 0, gross: 0, vat: [{ rate: 21, base: 0, vat: 0 }] });
  });
});

describe('amounts as people and machines read them', () => {
  it('writes 2 decimals with a dot for machines', () => {
    expect(decimalAmount(123450)).toBe('1234.50');
    expect(decimalAmount(5)).toBe('0.05');
  });

  it('writes Czech and English money', () => {
    expect(formatMoney(2_380_638, 'CZK', 'cs').replace(/\s/g, ' ')).toBe('23 806,38 Kč');
    expect(formatMoney(2_380_638, 'EUR', 'en')).toBe('€23,806.38');
  });
});

describe('the limit every amount keeps (10^12 minor units)', () => {
  const anyLine = fc.record({
    quantity: fc.integer({ min: 1, max: 1_000_000_000 }).map((thousandths) => thousandths / 1000),
    unitPrice: fc.integer({ min: 0, max: 1e12 }),
    vatRate: fc.constantFrom(0, 10, 12, 21, 100),
  });

  it('refuses the largest line each field allows, naming its unit price', () => {
    expect(amountLimitProblems([{ quantity: 1_000_000, unitPrice: 1e12, vatRate: 21 }])).toEqual([{ path: [0, 'unitPrice'], message: expect.stringContaining('1000000000000') }]);
  });

  it('refuses lines within the limit whose total with VAT is above it, naming the lines', () => {
    expect(amountLimitProblems([{ quantity: 1, unitPrice: 1e12, vatRate: 21 }])).toEqual([{ path: [], message: expect.stringContaining('total with VAT') }]);
    expect(amountLimitProblems([{ quantity: 1, unitPrice: 1e12, vatRate: 0 }])).toEqual([]);
  });

  it('leaves every total of the lines it accepts an exact, safe integer within the limit', () => {
    fc.assert(
      fc.property(fc.array(anyLine, { minLength: 1, maxLength: 100 }), (lines) => {
        if (amountLimitProblems(lines).length > 0) return;
        const totals = totalsOf(lines);
        for (const amount of [totals.net, totals.gross, ...totals.lineNets, ...totals.vat.flatMap((row) => [row.base, row.vat])]) {
          expect(Number.isSafeInteger(amount)).toBe(true);
          expect(amount).toBeLessThanOrEqual(maxMinorUnits);
        }
      }),
    );
  });
});

describe('decimal places (hasDecimals)', () => {
  it('takes every number written with at most that many decimals, as JSON parses it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), fc.integer({ min: 0, max: 3 }), (units, decimals) => {
        const written = decimals === 0 ? String(units) : `${Math.floor(units / 10 ** decimals)}.${String(units % 10 ** decimals).padStart(decimals, '0')}`;
        expect(hasDecimals(Number(JSON.parse(written)), 3)).toBe(true);
      }),
    );
    expect([1.005, 0.001, 0.3, 999_999.999, 12.5].every((value) => hasDecimals(value, 3))).toBe(true);
    expect([5.5, 99.99, 0.01, 21].every((value) => hasDecimals(value, 2))).toBe(true);
  });

  it('refuses numbers off the grid however close to it: tiny ones, and one ulp away', () => {
    for (const value of [1e-300, 5e-324, 1e-10, 0.0001, 1.0000000000000002, 0.30000000000000004, 123456.7890000001]) expect(hasDecimals(value, 3), String(value)).toBe(false);
    expect(hasDecimals(21.000000000000004, 2)).toBe(false);
  });

  it('makes one VAT row of rates that are the same in basis points', () => {
    const totals = totalsOf([
      { quantity: 1, unitPrice: 3, vatRate: 21 },
      { quantity: 1, unitPrice: 3, vatRate: 21.000000000000004 },
    ]);
    expect(totals.vat).toEqual([{ rate: 21, base: 6, vat: 1 }]);
    expect(totals.gross).toBe(7);
  });
});
