/** The portal's languages and its modules' words: types only, so pure modules (and their unit tests) need nothing of Preact. */
export type Language = 'cs' | 'en';

/** Each module keeps its own words, in both languages with the same keys (the type checks it). */
export type Words<K extends string> = Record<Language, Record<K, string>>;
