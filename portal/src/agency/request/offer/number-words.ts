import { fill, type Language, type Words } from '../../../i18n.js';
import type { DraftProblem } from './offer-draft.js';

/** The kinds of number field, each with its own example of how to write one. */
export type NumberKind = 'money' | 'quantity' | 'rate';

const words: Words<DraftProblem | 'formatMoney' | 'formatNumber'> = {
  en: {
    empty: 'Fill this in.',
    format: '',
    formatMoney: 'Write an amount, such as 1,500.50.',
    formatNumber: 'Write a number, such as {example}.',
    decimals: 'At most {decimals} decimal places.',
    negative: 'It cannot be negative.',
    zero: 'It must be more than zero.',
    tooLarge: 'At most {max}.',
    date: 'Pick a date.',
  },
  cs: {
    empty: 'Toto pole je potřeba vyplnit.',
    format: '',
    formatMoney: 'Napište částku, např. 1 500,50.',
    formatNumber: 'Napište číslo, např. {example}.',
    decimals: 'Nejvýše {decimals} desetinná místa.',
    negative: 'Nemůže být záporné.',
    zero: 'Musí být větší než nula.',
    tooLarge: 'Nejvýše {max}.',
    date: 'Vyberte datum.',
  },
};

const limits: Record<NumberKind, { decimals: number; max: Record<Language, string>; example: Record<Language, string> }> = {
  money: { decimals: 2, max: { en: '10,000,000,000.00', cs: '10 000 000 000,00' }, example: { en: '1,500.50', cs: '1 500,50' } },
  quantity: { decimals: 3, max: { en: '1,000,000', cs: '1 000 000' }, example: { en: '12.5', cs: '12,5' } },
  rate: { decimals: 2, max: { en: '100', cs: '100' }, example: { en: '21', cs: '21' } },
};

/** Why a typed number is not one, as a sentence for its field. */
export const numberProblemText = (problem: DraftProblem, kind: NumberKind, language: Language): string => {
  const table = words[language];
  const limit = limits[kind];
  const key = problem === 'format' ? (kind === 'money' ? 'formatMoney' : 'formatNumber') : problem;
  return fill(table[key], { decimals: limit.decimals, max: limit.max[language], example: limit.example[language] });
};
