import type { Language } from '../../../words.js';

/**
 * Numbers as a person types them into the agency's forms, read into what the API takes: money in
 * integer minor units (`1 500,50` in Czech or `1,500.50` in English is 150050), quantities and VAT
 * rates as the number their decimal text is. Pure (no Preact, no zod) so a unit test holds it to
 * every way of writing them; the forms word the problems in the person's language.
 *
 * The text is read exactly, digit by digit, never through floating point: `0,1 + 0,2` worries end
 * here, and a number off the API's decimal grid is refused with a reason instead of rounded.
 */

export type NumberProblem = 'empty' | 'format' | 'decimals' | 'negative' | 'zero' | 'tooLarge';

export type Reading = { value: number; problem?: undefined } | { value?: undefined; problem: NumberProblem };

/** Spaces of every kind people and Intl put between thousands (the no-break and narrow no-break spaces too). */
const spaces = /[\s\u00a0\u202f\u2009']/g;
/** What may stand beside an amount without changing it: the currency, and the Czech `,-` of whole crowns. */
const currencyMarks = /(kč|czk|eur|€)/gi;

interface Decimal {
  negative: boolean;
  whole: string;
  fraction: string;
}

/**
 * The decimal a text writes, or why it writes none. `decimalMark` is the language's (`,` Czech,
 * `.` English); the other mark groups thousands when every group after the first has three digits
 * (`1.500,50`, `1,500.50`). With only the other mark written once and one or two digits after it,
 * it is taken as the decimal mark (`1500.5` typed on a Czech numpad means 1 500,50). `grouping:
 * false` (Czech quantities and rates) takes either mark as the decimal one and groups only with spaces.
 */
const readDecimal = (text: string, decimalMark: ',' | '.', grouping: boolean): Decimal | 'empty' | 'format' => {
  let rest = text.replace(spaces, '');
  if (rest === '') return 'empty';
  const negative = /^[-−–]/.test(rest);
  if (negative) rest = rest.slice(1);
  if (rest === '' || !/^[\d.,]+$/.test(rest)) return 'format';
  if (!grouping) {
    const parts = rest.split(/[.,]/);
    if (parts.length > 2 || parts[0] === '' || parts[1] === '') return 'format';
    return { negative, whole: parts[0]!, fraction: parts[1] ?? '' };
  }
  const groupMark = decimalMark === ',' ? '.' : ',';
  const decimalAt = rest.indexOf(decimalMark);
  let whole = decimalAt === -1 ? rest : rest.slice(0, decimalAt);
  let fraction = decimalAt === -1 ? '' : rest.slice(decimalAt + 1);
  if (decimalAt !== -1 && (fraction === '' || /[.,]/.test(fraction))) return 'format';
  if (whole.includes(groupMark)) {
    const groups = whole.split(groupMark);
    const grouped = /^\d{1,3}$/.test(groups[0]!) && groups[0] !== '0' && groups.slice(1).every((group) => /^\d{3}$/.test(group));
    if (grouped) whole = groups.join('');
    else if (decimalAt === -1 && groups.length === 2 && /^\d{1,2}$/.test(groups[1]!) && groups[0] !== '') [whole, fraction] = [groups[0]!, groups[1]!];
    else return 'format';
  }
  if (whole === '') return 'format';
  return { negative, whole, fraction };
};

/** The text without what may stand beside an amount; `,-` (whole crowns) becomes nothing. */
const withoutCurrency = (text: string) => text.replace(currencyMarks, '').replace(/[.,][-–—]\s*$/, '');

/**
 * `decimal` scaled by 10^`decimals` as an exact integer, if it has at most that many decimals
 * (`trailingZeros`: more written as zeros count too, `1.0050` being 1.005).
 */
const scaled = (decimal: Decimal, decimals: number, trailingZeros: boolean): bigint | undefined => {
  const fraction = trailingZeros ? decimal.fraction.replace(/0+$/, '') : decimal.fraction;
  if (fraction.length > decimals) return undefined;
  return BigInt(decimal.whole) * 10n ** BigInt(decimals) + BigInt(fraction.padEnd(decimals, '0') || '0');
};

/** An amount of money in minor units (two decimals), 0 to `max` minor units. */
export const readMoney = (text: string, language: Language, max: number): Reading => {
  const decimal = readDecimal(withoutCurrency(text), language === 'cs' ? ',' : '.', true);
  if (typeof decimal === 'string') return { problem: decimal };
  // `1,500` in Czech is refused, not read as 1,50 Kč: whoever wrote three decimals of money likely meant a thousand.
  const minor = scaled(decimal, 2, false);
  if (minor === undefined) return { problem: 'decimals' };
  if (decimal.negative && minor > 0n) return { problem: 'negative' };
  if (minor > BigInt(max)) return { problem: 'tooLarge' };
  return { value: Number(minor) };
};

/**
 * A decimal number with at most `decimals` places, up to `max` (`positive`: above 0), as the very
 * number its text is in JSON: `0,333` is 0.333, which the API's grid check accepts. In Czech either
 * mark is the decimal one (quantities have three decimals, so `1.500` can't be told from a
 * thousand: people write thousands with a space there); in English `,` only groups thousands.
 */
export const readNumber = (text: string, language: Language, options: { decimals: number; max: number; positive?: boolean }): Reading => {
  const decimal = language === 'cs' ? readDecimal(text, '.', false) : readDecimal(text, '.', true);
  if (typeof decimal === 'string') return { problem: decimal };
  const units = scaled(decimal, options.decimals, true);
  if (units === undefined) return { problem: 'decimals' };
  if (decimal.negative && units > 0n) return { problem: 'negative' };
  if (options.positive && units === 0n) return { problem: 'zero' };
  const fraction = decimal.fraction.replace(/0+$/, '');
  const value = Number(`${BigInt(decimal.whole)}${fraction ? `.${fraction}` : ''}`);
  if (value > options.max) return { problem: 'tooLarge' };
  return { value };
};

const locale = (language: Language) => (language === 'cs' ? 'cs-CZ' : 'en-GB');

/** Minor units as a person would type them back: `150050` → `1 500,50` (Czech), `1,500.50` (English). */
export const moneyForInput = (minor: number, language: Language): string =>
  new Intl.NumberFormat(locale(language), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(minor / 100).replace(/[\u00a0\u202f]/g, ' ');

/** A quantity or rate as typed: `12.5` → `12,5` (Czech), `12.5` (English); no thousands grouping. */
export const numberForInput = (value: number, language: Language): string =>
  new Intl.NumberFormat(locale(language), { maximumFractionDigits: 3, useGrouping: false }).format(value);
