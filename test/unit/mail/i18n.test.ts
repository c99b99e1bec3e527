import { describe, expect, it } from 'vitest';
import { defaultLanguage, Language, resolveLanguage, stringsFor } from '../../../lib/mail/i18n.js';

describe('the mail language', () => {
  it('is Czech unless told otherwise', () => {
    expect(defaultLanguage).toBe('cs');
    expect(resolveLanguage(undefined)).toBe('cs');
    expect(resolveLanguage('')).toBe('cs');
    expect(resolveLanguage('de')).toBe('cs');
    expect(resolveLanguage(42)).toBe('cs');
  });

  it('takes a stated language or locale', () => {
    expect(resolveLanguage('en')).toBe('en');
    expect(resolveLanguage('en-GB')).toBe('en');
    expect(resolveLanguage(' CS_cz ')).toBe('cs');
  });

  it('is a zod enum for whatever stores a preference', () => {
    expect(Language.options).toEqual(['cs', 'en']);
    expect(Language.safeParse('de').success).toBe(false);
  });

  it('has the Czech strings for an unknown language', () => {
    expect(stringsFor('xx' as Language)).toBe(stringsFor('cs'));
  });

  it('writes dates in Prague time, the Czech way and the English way', () => {
    // 23:30 UTC on 31 March is already 1 April in Prague (summer time, UTC+2).
    expect(stringsFor('cs').date('2026-03-31T23:30:00.000Z')).toBe('1.\u00a04.\u00a02026 v\u00a001:30');
    expect(stringsFor('en').date('2026-12-31T23:30:00.000Z')).toBe('1\u00a0Jan\u00a02027, 00:30');
  });

  it('writes a calendar day as it is, whatever the time zone', () => {
    expect(stringsFor('cs').day('2026-12-09')).toBe('9.\u00a0prosince\u00a02026');
    expect(stringsFor('en').day('2026-12-09')).toBe('9\u00a0December\u00a02026');
    expect(stringsFor('cs').day('2027-01-01')).toBe('1.\u00a0ledna\u00a02027');
  });

  it('writes an instant as its Prague day, with the time unless it is the day’s last minute', () => {
    // 22:59:59 UTC is 23:59:59 in Prague in winter; 21:59:59 UTC is 23:59:59 in summer.
    expect(stringsFor('en').day('2026-12-25T22:59:59.000Z')).toBe('25\u00a0December\u00a02026');
    expect(stringsFor('cs').day('2026-06-30T21:59:59Z')).toBe('30.\u00a0června\u00a02026');
    expect(stringsFor('en').day('2026-12-25T23:30:00.000Z')).toBe('26\u00a0December\u00a02026, 00:30');
    expect(stringsFor('cs').day('2026-12-25T11:00:00+00:00')).toBe('25.\u00a0prosince\u00a02026 v\u00a012:00');
  });

  it('writes no day for anything that is none', () => {
    for (const value of [undefined, '', 'tomorrow', '2026-02-30', '2026-13-01', '2026-12-25T25:00:00Z', '2026-12-25T10:00:00Z\r\nBcc: x', '1766703599000']) {
      expect(stringsFor('en').day(value)).toBeUndefined();
    }
  });

  it('writes money in CZK and EUR the way each language does, from minor units', () => {
    expect(stringsFor('cs').money('1210050', 'CZK')).toBe('12\u00a0100,50\u00a0Kč');
    expect(stringsFor('en').money('1210050', 'CZK')).toBe('CZK\u00a012,100.50');
    expect(stringsFor('cs').money('50000', 'EUR')).toBe('500,00\u00a0€');
    expect(stringsFor('en').money('5', 'EUR')).toBe('€0.05');
    expect(stringsFor('en').money('0', 'CZK')).toBe('CZK\u00a00.00');
  });

  it('writes no money it can’t read', () => {
    for (const [minor, currency] of [
      ['12.50', 'CZK'],
      ['-100', 'CZK'],
      ['1e5', 'CZK'],
      ['', 'CZK'],
      [undefined, 'CZK'],
      ['100', 'USD'],
      ['100', 'czk'],
      ['100', undefined],
      ['100', 'CZK<script>'],
    ] as const) {
      expect(stringsFor('cs').money(minor, currency)).toBeUndefined();
    }
  });
});
