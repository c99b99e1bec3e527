/** The languages orderdesk writes mail in (no zod here: the mail renderer imports it without zod). */
export const languages = ['cs', 'en'] as const;
export type LanguageCode = (typeof languages)[number];

/** Most users are Czech: without a stated preference, mail is Czech. */
export const defaultLanguage: LanguageCode = 'cs';
