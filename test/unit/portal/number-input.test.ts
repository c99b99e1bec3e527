import { describe, expect, it } from 'vitest';
import { maxMinorUnits } from '../../../lib/domain/orders/money-totals.js';
import { moneyForInput, numberForInput, readMoney, readNumber } from '../../../portal/src/agency/request/offer/number-input.js';

const quantity = { decimals: 3, max: 1_000_000, positive: true };

describe('the agency’s number fields: money as people type it, read exactly', () => {
  it('reads Czech amounts with spaces, a decimal comma, a currency or the `,-` of whole crowns', () => {
    for (const [text, minor] of [
      ['1 500,50', 150050],
      ['1\u00a0500,5', 150050],
      ['1\u202f500,50 Kč', 150050],
      ['1500', 150000],
      ['1 500,-', 150000],
      ['1.500,50', 150050],
      ['1500.5', 150050],
      ['1.500', 150000],
      ['0,01', 1],
      ['0', 0],
      ['CZK 2 380 638', 238063800],
    ] as const)
      expect(readMoney(text, 'cs', maxMinorUnits), text).toEqual({ value: minor });
  });

  it('reads English amounts with thousands commas and a decimal point', () => {
    for (const [text, minor] of [
      ['1,500.50', 150050],
      ['1500.50', 150050],
      ['1,500', 150000],
      ['€ 99.9', 9990],
      ['1,234,567.89', 123456789],
    ] as const)
      expect(readMoney(text, 'en', maxMinorUnits), text).toEqual({ value: minor });
  });

  it('says why an amount is not one, rather than guessing', () => {
    for (const [text, language, problem] of [
      ['', 'cs', 'empty'],
      ['   ', 'en', 'empty'],
      ['1 500,505', 'cs', 'decimals'],
      ['1,500', 'cs', 'decimals'],
      ['1.505', 'en', 'decimals'],
      ['15 00,5,0', 'cs', 'format'],
      ['1,50.00', 'en', 'format'],
      ['abc', 'en', 'format'],
      ['12e3', 'en', 'format'],
      ['-5', 'cs', 'negative'],
      ['10 000 000 000,01', 'cs', 'tooLarge'],
    ] as const)
      expect(readMoney(text, language, maxMinorUnits), `${text} (${language})`).toEqual({ problem });
    // Exactly the most a payment may be, and not a haléř more: read in integers, never through floating point.
    expect(readMoney('10 000 000 000', 'cs', maxMinorUnits)).toEqual({ value: maxMinorUnits });
    expect(readMoney('90 071 992 547 409,93', 'cs', Number.MAX_SAFE_INTEGER)).toEqual({ problem: 'tooLarge' });
  });

  it('reads quantities as the number their text is, with up to 3 decimals', () => {
    expect(readNumber('12,5', 'cs', quantity)).toEqual({ value: 12.5 });
    expect(readNumber('0.333', 'cs', quantity)).toEqual({ value: 0.333 });
    expect(readNumber('0.333', 'en', quantity)).toEqual({ value: 0.333 });
    expect(readNumber('1,000', 'en', quantity)).toEqual({ value: 1000 });
    expect(readNumber('1.0050', 'en', quantity)).toEqual({ value: 1.005 });
    expect(readNumber('0,3334', 'cs', quantity)).toEqual({ problem: 'decimals' });
    expect(readNumber('0,333', 'en', quantity)).toEqual({ problem: 'format' });
    expect(readNumber('0', 'cs', quantity)).toEqual({ problem: 'zero' });
    expect(readNumber('1 000 001', 'cs', quantity)).toEqual({ problem: 'tooLarge' });
    expect(readNumber('21', 'cs', { decimals: 2, max: 100 })).toEqual({ value: 21 });
    expect(readNumber('5,5', 'cs', { decimals: 2, max: 100 })).toEqual({ value: 5.5 });
    expect(readNumber('0', 'cs', { decimals: 2, max: 100 })).toEqual({ value: 0 });
  });

  it('writes amounts and quantities back as the same person would type them, and reads them back the same', () => {
    expect(moneyForInput(150050, 'cs')).toBe('1 500,50');
    expect(moneyForInput(150050, 'en')).toBe('1,500.50');
    expect(numberForInput(12.5, 'cs')).toBe('12,5');
    expect(numberForInput(0.333, 'en')).toBe('0.333');
    for (const language of ['cs', 'en'] as const) {
      for (const minor of [0, 1, 99, 150050, 238063800, maxMinorUnits]) expect(readMoney(moneyForInput(minor, language), language, maxMinorUnits)).toEqual({ value: minor });
      for (const value of [0.001, 0.333, 12.5, 1000, 999999.999]) expect(readNumber(numberForInput(value, language), language, quantity)).toEqual({ value });
    }
  });
});
