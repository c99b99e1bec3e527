/** A name as a search compares it: lower case, without diacritics ("Žluťoučký" → "zlutoucky"). */
export const folded = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .trim();

/** Whether `name` contains what the person typed, case and accents ignored; nothing typed matches all. */
export const nameMatches = (name: string, typed: string) => folded(name).includes(folded(typed));
