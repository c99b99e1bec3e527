import { decimalAmount } from './money-format.js';

/**
 * What of an order its payment needs (an `Order` has it all). Spelled out, not imported from
 * order.ts, so the portal draws the same QR code without zod (see money-format.ts).
 */
export interface PayableOrder {
  orderNumber: string;
  requestTitle: string;
  currency: string;
  variableSymbol: string;
  /** `2026-12-09` */
  dueDate: string;
  totals: { gross: number };
  supplier: { iban: string; bic?: string | undefined; name: string };
}

/**
 * QR Platba: the order's payment as a Short Payment Descriptor (SPAYD), the string a Czech banking
 * app reads from a QR code to fill in a payment. Per the Czech Banking Association's standard
 * "Formát pro sdílení platebních údajů v rámci tuzemského platebního styku v CZK prostřednictvím
 * QR kódů", version 1.2 (in force since 1 January 2022), section 5 and tables 1 and 2:
 *
 * - `SPD*1.0*` then `KEY:value` attributes separated by `*` (the last needs no closing `*`);
 * - a value may hold any UTF-8 character but never `*`; special characters are URL-encoded, so `*`
 *   is written `%2A` (and so a literal `%` is written `%25`, or a reader decoding would misread it);
 * - a value is never surrounded by white space;
 * - a reader takes only as many characters as the attribute's length allows, from the left, so a
 *   longer value is cut here, where it can be cut cleanly (never inside a `%2A`), not by the bank.
 *
 * The attributes: ACC (IBAN, `+BIC` when known), AM (the gross), CC, X-VS, DT (the due date), MSG
 * (the order number and the request's title) and RN (the supplier). The standard's table 3 lists
 * which of them every Czech bank reads: ACC, AM, CC, DT, MSG and X-VS; RN only some do.
 *
 * Not written: CRC32 (optional; a bank that checks it would refuse a string whose checksum it
 * computes otherwise) and the other optional attributes. CC: the standard says "currently only CZK"
 * for domestic payments; an order in EUR still says `CC:EUR`, which banks that accept SEPA payments
 * from a QR code read and others refuse, so the payer types the payment in by hand as without a code.
 */

/** Each attribute's length limit, in characters (tables 1 and 2). */
export const spaydLimits = { ACC: 46, AM: 10, CC: 3, 'X-VS': 10, DT: 8, MSG: 60, RN: 35 } as const;

/** Text as written in a value: `*` and `%` URL-encoded, every other character itself. */
const encoded = (text: string): string => text.replaceAll('%', '%25').replaceAll('*', '%2A');

const graphemes = new Intl.Segmenter('cs', { granularity: 'grapheme' });

/**
 * Free text as a SPAYD value of at most `limit` characters: NFC, line breaks, tabs and other control
 * or invisible characters turned into single spaces, no white space around it, `*` and `%` encoded;
 * cut at the limit between whole characters (an escape counts as its three characters and is never
 * split, nor is a letter from its accent). Empty when nothing is left.
 */
export const spaydText = (text: string, limit: number): string => {
  const clean = text
    .toWellFormed()
    .normalize('NFC')
    .replace(/\p{Cf}/gu, '')
    .replace(/[\s\p{Cc}\p{Z}]+/gu, ' ')
    .trim();
  let value = '';
  let length = 0;
  for (const { segment } of graphemes.segment(clean)) {
    const written = encoded(segment);
    const characters = [...written].length;
    if (length + characters > limit) break;
    value += written;
    length += characters;
  }
  return value.trimEnd();
};

/**
 * The amount: a decimal number with a dot and at most two decimals, at most 10 characters
 * (9 999 999.99). A whole amount too long with `.00` is written without it (`12345678`); one that
 * still doesn't fit is left out (a reader would cut it to a wrong amount), and so is zero: there
 * is nothing to pay. Without AM the payer types the amount in.
 */
export const spaydAmount = (minor: number): string | undefined => {
  if (minor <= 0) return undefined;
  const amount = decimalAmount(minor);
  if (amount.length <= spaydLimits.AM) return amount;
  const whole = amount.replace(/\.00$/, '');
  return whole.length <= spaydLimits.AM ? whole : undefined;
};

/** `2026-12-09` → `20261209` (ISO 8601 basic, 8 digits). */
const spaydDate = (day: string): string => day.replaceAll('-', '');

/** What a payment's message says: the order's number and the request's title (60 characters at most). */
export const paymentMessage = (order: Pick<PayableOrder, 'orderNumber' | 'requestTitle'>): string => `${order.orderNumber} ${order.requestTitle}`;

/** The order's QR Platba string. Pure: the same order gives the same string. */
export const spaydOf = (order: PayableOrder): string => {
  const { supplier } = order;
  const iban = supplier.iban.replace(/\s+/g, '').toUpperCase();
  const attributes: [key: string, value: string | undefined][] = [
    ['ACC', supplier.bic ? `${iban}+${supplier.bic}` : iban],
    ['AM', spaydAmount(order.totals.gross)],
    ['CC', order.currency],
    ['X-VS', order.variableSymbol],
    ['DT', spaydDate(order.dueDate)],
    ['MSG', spaydText(paymentMessage(order), spaydLimits.MSG)],
    ['RN', spaydText(supplier.name, spaydLimits.RN)],
  ];
  return ['SPD', '1.0', ...attributes.filter(([, value]) => value).map(([key, value]) => `${key}:${value}`)].join('*');
};
