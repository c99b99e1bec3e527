import { describe, expect, it } from 'vitest';
import { fieldReason } from '../../../portal/src/field-reasons.js';

describe('a refused field’s reason in the person’s language', () => {
  it('words the API’s validation messages anew in Czech and English', () => {
    expect(fieldReason('Too small: expected string to have >=1 characters', 'cs')).toBe('Vyplňte prosím.');
    expect(fieldReason('Invalid input: expected string, received undefined', 'en')).toBe('Fill this in.');
    expect(fieldReason('Too big: expected string to have <=200 characters', 'cs')).toBe('Napište nejvýše 200 znaků.');
    expect(fieldReason('Too small: expected number to be >=0', 'en')).toBe('Give at least 0.');
    expect(fieldReason('Invalid email address', 'cs')).toBe('Tohle není e-mailová adresa.');
    expect(fieldReason('Invalid option: expected one of "inquiry"|"defect"', 'cs')).toBe('Vyberte jednu z možností.');
    expect(fieldReason('Invalid URL', 'en')).toBe('This is not a web address (https://…).');
  });

  it('keeps a reason already written for people, and in Czech introduces an English one as the Helpdesk’s', () => {
    expect(fieldReason('is required to explain: it is the explanation the client gets', 'en')).toBe('is required to explain: it is the explanation the client gets');
    expect(fieldReason('must be 1 to 10 digits', 'cs')).toBe('Zkontrolujte tuto hodnotu (Helpdesk: „must be 1 to 10 digits“).');
    expect(fieldReason('Tohle není platné IČO.', 'cs')).toBe('Tohle není platné IČO.');
  });
});
