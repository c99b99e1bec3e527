import * as z from 'zod';
import { languages, pickLanguage } from './strings.js';

/**
 * The languages of mail, as a schema for whatever stores or receives a preference. The words
 * themselves are in strings.ts, which the renderer imports without zod.
 */

export const Language = z.enum(languages);
export type Language = z.infer<typeof Language>;

export { defaultLanguage, pickLanguage, stringsFor, type Strings } from './strings.js';

/** A user's stored preference (or a locale like `en-GB`) to a language, Czech when unknown. */
export const resolveLanguage = (value: unknown): Language => {
  const primary = typeof value === 'string' ? value.trim().toLowerCase().split(/[-_]/)[0] : undefined;
  return pickLanguage(primary);
};
