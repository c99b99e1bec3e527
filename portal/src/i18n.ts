import { useContext } from 'preact/hooks';
import { AppContext } from './app-context.js';
import { fill } from './fill.js';

import type { Language, Words } from './words.js';

export type { Language, Words };
export const languages: readonly Language[] = ['cs', 'en'];


const storageKey = 'orderdesk.language';

/** The language a person chose on this device, else their browser's (Czech for `cs*`, English otherwise). */
export const initialLanguage = (storage: Storage, navigatorLanguages: readonly string[]): Language => {
  const chosen = storage.getItem(storageKey);
  if (chosen === 'cs' || chosen === 'en') return chosen;
  return navigatorLanguages.some((tag) => tag.toLowerCase().startsWith('cs')) ? 'cs' : 'en';
};

export const rememberLanguage = (storage: Storage, language: Language) => storage.setItem(storageKey, language);
/** Whether the person chose a language here (then their account's language does not override it). */
export const languageChosen = (storage: Storage) => storage.getItem(storageKey) !== null;

export { fill } from './fill.js';

/** The words of `words` in the page's language, with `{placeholders}` filled. */
export const useWords = <K extends string>(words: Words<K>) => {
  const { language } = useContext(AppContext);
  const table = words[language];
  return (key: K, values?: Record<string, string | number>) => fill(table[key], values);
};
