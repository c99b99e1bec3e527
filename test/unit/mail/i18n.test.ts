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
});
