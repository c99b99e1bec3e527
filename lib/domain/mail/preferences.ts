import * as z from 'zod';
import { defaultLanguage, languages } from './languages.js';

export { defaultLanguage };

/** The language of a person's mail (and of the portal for them). Czech unless they choose. */
export const Language = z.enum(languages).describe('The language of your mail: `cs` (default) or `en`');
export type Language = z.infer<typeof Language>;

/** `own`: only requests the person filed, is assigned to, or was invited to; `all`: every request they may see. */
export const MailScope = z.enum(['all', 'own']).describe('`all`: mail about every request you may see; `own`: only requests you filed, are assigned to or were invited to');
export type MailScope = z.infer<typeof MailScope>;

export interface MailPreferences {
  language: Language;
  mailScope: MailScope;
}

export const defaultPreferences: MailPreferences = { language: defaultLanguage, mailScope: 'all' };
