import * as z from 'zod';

/** Czech company id (IČO): 8 digits whose last is a mod-11 check digit of the first seven. */
export const isValidIco = (ico: string): boolean => {
  if (!/^\d{8}$/.test(ico)) return false;
  const digits = [...ico].map(Number);
  const sum = digits.slice(0, 7).reduce((total, digit, index) => total + digit * (8 - index), 0);
  const check = (11 - (sum % 11)) % 10;
  return check === digits[7];
};

export const Address = z.object({
  street: z.string().trim().min(1).max(100),
  city: z.string().trim().min(1).max(100),
  postalCode: z.string().trim().min(3).max(12),
  /** ISO 3166-1 alpha-2, e.g. `CZ`. */
  country: z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter country code such as CZ'),
});
export type Address = z.infer<typeof Address>;

/** A company's details as an order states them. */
export const BillingDetails = z.object({
  name: z.string().trim().min(1).max(200),
  ico: z.string().refine(isValidIco, 'must be a valid 8-digit IČO (its check digit does not match)').optional(),
  /** VAT id: country prefix and 2–12 characters, e.g. `CZ12345678`. */
  dic: z
    .string()
    .regex(/^[A-Z]{2}[0-9A-Z]{2,12}$/, 'must be a VAT id such as CZ12345678')
    .optional(),
  address: Address,
});
export type BillingDetails = z.infer<typeof BillingDetails>;

/** An IBAN is valid when its mod-97 check (ISO 13616) gives 1. */
export const isValidIban = (iban: string): boolean => {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  const numeric = [...rearranged].map((c) => (/\d/.test(c) ? c : String(c.charCodeAt(0) - 55))).join('');
  let remainder = 0;
  for (const digit of numeric) remainder = (remainder * 10 + Number(digit)) % 97;
  return remainder === 1;
};

/** The agency as the supplier on its orders (stage configuration). */
export const Supplier = BillingDetails.extend({
  iban: z.string().refine(isValidIban, 'must be a valid IBAN without spaces'),
  bic: z.string().regex(/^[A-Z0-9]{8}([A-Z0-9]{3})?$/).optional(),
  email: z.email().optional(),
  web: z.string().optional(),
  /** E.g. the commercial register entry, printed in the order's footer. */
  registration: z.string().max(200).optional(),
});
export type Supplier = z.infer<typeof Supplier>;
