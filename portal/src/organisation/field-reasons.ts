import { useWords, type Words } from '../i18n.js';

/** The fields of these forms a 400 can name, each with what it needs, said in the reader's language. */
export type FieldKey = 'organisationName' | 'personName' | 'email' | 'billingName' | 'ico' | 'dic' | 'street' | 'city' | 'postalCode' | 'country';

const words: Words<FieldKey> = {
  en: {
    organisationName: 'Fill in the name: one line, at most 200 characters.',
    personName: 'Fill in their name: one line, at most 200 characters.',
    email: 'Enter an e-mail address, such as jana@firma.cz.',
    billingName: 'Fill in the company name: one line, at most 200 characters.',
    ico: 'This is not a valid IČO: it has 8 digits, and the last one (its check digit) does not match the others. Check the number.',
    dic: 'A DIČ is a country code and 2 to 12 digits or letters, such as CZ12345678.',
    street: 'Fill in the street and number: one line, at most 100 characters.',
    city: 'Fill in the city: one line, at most 100 characters.',
    postalCode: 'A postal code has 3 to 12 characters, such as 110 00.',
    country: 'Two capital letters of the country’s code, such as CZ.',
  },
  cs: {
    organisationName: 'Vyplňte název: jeden řádek, nejvýš 200 znaků.',
    personName: 'Vyplňte jméno: jeden řádek, nejvýš 200 znaků.',
    email: 'Zadejte e-mailovou adresu, např. jana@firma.cz.',
    billingName: 'Vyplňte název firmy: jeden řádek, nejvýš 200 znaků.',
    ico: 'Tohle není platné IČO: má 8 číslic a poslední (kontrolní) nesedí k ostatním. Zkontrolujte číslo.',
    dic: 'DIČ je kód země a 2 až 12 číslic nebo písmen, např. CZ12345678.',
    street: 'Vyplňte ulici a číslo: jeden řádek, nejvýš 100 znaků.',
    city: 'Vyplňte obec: jeden řádek, nejvýš 100 znaků.',
    postalCode: 'PSČ má 3 až 12 znaků, např. 110 00.',
    country: 'Dvě velká písmena kódu země, např. CZ.',
  },
};

/**
 * The sentence for a field a 400 named (`problems` from fieldProblems, by its path such as
 * `billing.address.city`): what the field needs in the reader's language rather than the
 * API's English reason, which is for developers. Undefined when the 400 did not name it.
 */
export const useFieldReasons = () => {
  const t = useWords(words);
  return (problems: Map<string, string>, path: string, field: FieldKey) => (problems.has(path) ? t(field) : undefined);
};
