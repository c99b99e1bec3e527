import { fill } from './fill.js';
import type { Language, Words } from './words.js';

type Reason = 'required' | 'tooShort' | 'tooLong' | 'tooFewItems' | 'tooManyItems' | 'tooSmall' | 'tooLarge' | 'email' | 'option' | 'whole' | 'number' | 'url' | 'date' | 'fallback';

const words: Words<Reason> = {
  en: {
    required: 'Fill this in.',
    tooShort: 'Write at least {n} characters.',
    tooLong: 'Write at most {n} characters.',
    tooFewItems: 'Give at least {n}.',
    tooManyItems: 'Give at most {n}.',
    tooSmall: 'Give at least {n}.',
    tooLarge: 'Give at most {n}.',
    email: 'This is not an e-mail address.',
    option: 'Choose one of the options.',
    whole: 'Give a whole number.',
    number: 'Give a number.',
    url: 'This is not a web address (https://…).',
    date: 'This is not a date and time.',
    fallback: '{reason}',
  },
  cs: {
    required: 'Vyplňte prosím.',
    tooShort: 'Napište alespoň {n} znaků.',
    tooLong: 'Napište nejvýše {n} znaků.',
    tooFewItems: 'Uveďte alespoň {n}.',
    tooManyItems: 'Uveďte nejvýše {n}.',
    tooSmall: 'Uveďte alespoň {n}.',
    tooLarge: 'Uveďte nejvýše {n}.',
    email: 'Tohle není e-mailová adresa.',
    option: 'Vyberte jednu z možností.',
    whole: 'Uveďte celé číslo.',
    number: 'Uveďte číslo.',
    url: 'Tohle není webová adresa (https://…).',
    date: 'Tohle není datum a čas.',
    fallback: 'Zkontrolujte tuto hodnotu (Helpdesk: „{reason}“).',
  },
};

/** The API's validation messages (zod's, in English) that have a sentence of their own, by their pattern. */
const patterns: [RegExp, Reason][] = [
  [/^Too small: expected string to have >=1 characters$/, 'required'],
  [/^Invalid input: expected \w+, received undefined$/, 'required'],
  [/^Too small: expected string to have >=(?<n>\d+) characters$/, 'tooShort'],
  [/^Too big: expected string to have <=(?<n>\d+) characters$/, 'tooLong'],
  [/^Too small: expected array to have >=(?<n>\d+) items$/, 'tooFewItems'],
  [/^Too big: expected array to have <=(?<n>\d+) items$/, 'tooManyItems'],
  [/^Too small: expected (number|int|bigint) to be >=?(?<n>-?[\d.]+)$/, 'tooSmall'],
  [/^Too big: expected (number|int|bigint) to be <=?(?<n>-?[\d.]+)$/, 'tooLarge'],
  [/^Invalid email address$/, 'email'],
  [/^Invalid option: /, 'option'],
  [/^Invalid input: expected int, /, 'whole'],
  [/^Invalid input: expected number, /, 'number'],
  [/^Invalid URL$/, 'url'],
  [/^Invalid ISO (datetime|date)$/, 'date'],
];

/**
 * Why the API refused a field, as a sentence in the person's language: the validation messages the
 * API's schemas give (zod's English) are worded anew; a reason written for people already (a page's
 * own sentence, or the API's rule in words) is kept, and in Czech it is introduced as the
 * Helpdesk's, so the page never answers a Czech reader in bare English.
 */
export const fieldReason = (reason: string, language: Language): string => {
  for (const [pattern, key] of patterns) {
    const found = pattern.exec(reason);
    if (found) return fill(words[language][key], { n: found.groups?.n ?? '' });
  }
  return language === 'en' || !looksEnglish(reason) ? reason : fill(words.cs.fallback, { reason });
};

/** A reason from the API is English; one a page wrote in Czech has Czech letters or words. */
const looksEnglish = (reason: string) => !/[áčďéěíňóřšťúůýž]/i.test(reason) && /\b(is|must|the|a|be|not|required|expected|give|only)\b/i.test(reason);
