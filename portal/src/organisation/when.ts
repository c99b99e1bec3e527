import type { Language } from '../words.js';

/** A moment in the browser's time zone and the reader's language, e.g. `14. 12. 2025 10:03`. */
export const formatWhen = (iso: string, language: Language) =>
  new Intl.DateTimeFormat(language === 'cs' ? 'cs-CZ' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

/** A day in the reader's language, e.g. `14. 12. 2025`. */
export const formatDate = (iso: string, language: Language) => new Intl.DateTimeFormat(language === 'cs' ? 'cs-CZ' : 'en-GB', { dateStyle: 'medium' }).format(new Date(iso));
