import type { Language } from '../domain/mail/preferences.js';
import { pickLanguage } from './strings.js';

/** The languages of mail: the preference's schema (the domain's); the words themselves are in strings.ts. */
export { Language } from '../domain/mail/preferences.js';

export { defaultLanguage, pickLanguage, stringsFor, type Strings } from './strings.js';

/** A user's stored preference (or a locale like `en-GB`) to a language, Czech when unknown. */
export const resolveLanguage = (value: unknown): Language => {
  const primary = typeof value === 'string' ? value.trim().toLowerCase().split(/[-_]/)[0] : undefined;
  return pickLanguage(primary);
};
