/**
 * Money as people read it, without zod: the mail renderer must stay free of it (its bundle test
 * allows 60 KB, zod alone is about as much), and `money.ts` builds its `Currency` schema with zod
 * at import time, which no bundler can shake off. `money.ts` re-exports this `formatMoney`.
 */

/** The currencies the agency invoices in (the `Currency` schema of money.ts, as a plain list). */
export const currencyCodes = ['CZK', 'EUR'] as const;
export type CurrencyCode = (typeof currencyCodes)[number];

export const isCurrencyCode = (value: unknown): value is CurrencyCode => (currencyCodes as readonly unknown[]).includes(value);

/** `123450` CZK in Czech → `1 234,50 Kč`; in English → `CZK 1,234.50`. */
export const formatMoney = (minor: number, currency: CurrencyCode, language: 'cs' | 'en'): string =>
  new Intl.NumberFormat(language === 'cs' ? 'cs-CZ' : 'en-GB', { style: 'currency', currency, minimumFractionDigits: 2 }).format(minor / 100);

/** `123450` CZK → `1234.50`: the amount as QR Platba and machine formats write it. */
export const decimalAmount = (minor: number): string => `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;
