import { amountLimitProblems, maxMinorUnits, totalsOf, type PricedLine, type Totals } from '../../../../../lib/domain/orders/money-totals.js';
import type { CurrencyCode } from '../../../../../lib/domain/orders/money-format.js';
import type { Schemas } from '../../../api/client.js';
import type { Language } from '../../../words.js';
import { moneyForInput, numberForInput, readMoney, readNumber, type NumberProblem } from './number-input.js';

/**
 * An offer as the agent writes it: every field the text they typed (kept as a draft, so nothing
 * is lost), read into the API's body only when posted. Pure, so the editor's live totals and what
 * it posts are the same reading of the same text.
 */

export interface DraftLine {
  /** Stays with the line when lines move, so a field's problem stays on its line. */
  key: string;
  description: string;
  quantity: string;
  unit: string;
  unitPrice: string;
  vatRate: string;
}

export interface OfferDraft {
  lines: DraftLine[];
  currency: CurrencyCode;
  /** A calendar day (`2026-04-30`); empty: the API's default, 30 days from posting. */
  validUntil: string;
  deliveryEstimate: string;
  terms: string;
  note: string;
  /** The language its numbers are written in (`1 500,50` or `1,500.50`); switching the portal's language rewrites them (`retypeDraft`). */
  language?: Language;
}

export type LineField = 'description' | 'quantity' | 'unit' | 'unitPrice' | 'vatRate';

/** Where a problem is shown: a line's field (`<key>.unitPrice`), a whole line (`<key>`), or a field of the offer (`deliveryEstimate`). */
export const lineField = (key: string, field: LineField) => `${key}.${field}`;

let made = 0;
const lineKey = () => `l${Date.now().toString(36)}${(made++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export const newLine = (): DraftLine => ({ key: lineKey(), description: '', quantity: '1', unit: '', unitPrice: '', vatRate: '21' });

export const emptyDraft = (): OfferDraft => ({ lines: [newLine()], currency: 'CZK', validUntil: '', deliveryEstimate: '', terms: '', note: '' });

/** Nothing typed yet: the draft as `emptyDraft` makes it, whatever its line's key. */
export const isPristine = (draft: OfferDraft): boolean => {
  const { lines, language: _language, ...rest } = draft;
  const { lines: fresh, ...empty } = emptyDraft();
  const { key: _a, ...line } = lines[0] ?? fresh[0]!;
  const { key: _b, ...freshLine } = fresh[0]!;
  return lines.length === 1 && JSON.stringify(line) === JSON.stringify(freshLine) && JSON.stringify(rest) === JSON.stringify(empty);
};

/** An offer's content as text to edit: the start of a revision. The validity starts afresh (30 days), the note too. */
export const draftFromOffer = (offer: Pick<Schemas['Offer'], 'lines' | 'currency' | 'deliveryEstimate' | 'terms'>, language: Language): OfferDraft => ({
  language,
  lines: offer.lines.map((line) => ({
    key: lineKey(),
    description: line.description,
    quantity: numberForInput(line.quantity, language),
    unit: line.unit,
    unitPrice: moneyForInput(line.unitPrice, language),
    vatRate: numberForInput(line.vatRate, language),
  })),
  currency: offer.currency,
  validUntil: '',
  deliveryEstimate: offer.deliveryEstimate,
  terms: offer.terms,
  note: '',
});

/** What the API's offer takes at most (lib/domain/orders/offer.ts): read here only so that a number too large is said at once. */
const quantityLimits = { decimals: 3, max: 1_000_000, positive: true };
const rateLimits = { decimals: 2, max: 100 };

/** The draft's numbers rewritten the way `language` writes them; a number that does not read stays as typed. */
export const retypeDraft = (draft: OfferDraft, language: Language): OfferDraft => {
  const from = draft.language ?? language;
  const again = (text: string, reading: { value?: number }, write: (value: number, language: Language) => string) => (reading.value === undefined ? text : write(reading.value, language));
  return {
    ...draft,
    language,
    lines: draft.lines.map((line) => ({
      ...line,
      quantity: again(line.quantity, readNumber(line.quantity, from, quantityLimits), numberForInput),
      unitPrice: again(line.unitPrice, readMoney(line.unitPrice, from, maxMinorUnits), moneyForInput),
      vatRate: again(line.vatRate, readNumber(line.vatRate, from, rateLimits), numberForInput),
    })),
  };
};

export type DraftProblem = NumberProblem | 'date';

export interface ReadDraft {
  /** Each line's net in minor units, where its quantity, unit price and VAT rate all read. */
  lineNets: (number | undefined)[];
  /** The totals of the lines that read: all of them when `complete`. */
  totals: Totals;
  complete: boolean;
  /** Why a typed number or date is not one, by where it is shown (`lineField`, `validUntil`). */
  problems: Map<string, DraftProblem>;
  /** The API's amount limit, checked by its own code: a line's key (its net) or `lines` (the gross). */
  overLimit: string[];
  /** The body to post, when every number and date reads; the API judges the rest. */
  body?: Schemas['NewOffer'];
}

/** The end of `day` in the person's time zone, as the instant the API takes; undefined for a day that is none. */
export const endOfDay = (day: string): string | undefined => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const end = new Date(year, month - 1, date, 23, 59, 0);
  return end.getDate() === date ? end.toISOString() : undefined;
};

/**
 * The draft read as the API would take it. Only what can't be written in the API's body at all
 * (a number that is none, a date that is none) is caught here; everything else (an empty
 * description, a validity in the past) goes to the API, whose 400 names the field.
 */
export const readDraft = (draft: OfferDraft, portalLanguage: Language): ReadDraft => {
  const language = draft.language ?? portalLanguage;
  const problems = new Map<string, DraftProblem>();
  const priced = draft.lines.map((line): PricedLine | undefined => {
    const quantity = readNumber(line.quantity, language, quantityLimits);
    const unitPrice = readMoney(line.unitPrice, language, maxMinorUnits);
    const vatRate = readNumber(line.vatRate, language, rateLimits);
    if (quantity.problem) problems.set(lineField(line.key, 'quantity'), quantity.problem);
    if (unitPrice.problem) problems.set(lineField(line.key, 'unitPrice'), unitPrice.problem);
    if (vatRate.problem) problems.set(lineField(line.key, 'vatRate'), vatRate.problem);
    return quantity.value !== undefined && unitPrice.value !== undefined && vatRate.value !== undefined
      ? { quantity: quantity.value, unitPrice: unitPrice.value, vatRate: vatRate.value }
      : undefined;
  });
  const validUntil = draft.validUntil.trim() === '' ? undefined : endOfDay(draft.validUntil.trim());
  if (draft.validUntil.trim() !== '' && !validUntil) problems.set('validUntil', 'date');

  const readable = priced.flatMap((line, index) => (line ? [{ line, index }] : []));
  const totals = totalsOf(readable.map(({ line }) => line));
  const lineNets = priced.map(() => undefined as number | undefined);
  readable.forEach(({ index }, at) => (lineNets[index] = totals.lineNets[at]));
  // The server's own limit check, on the lines that read; its paths are their indexes among those.
  const overLimit = amountLimitProblems(readable.map(({ line }) => line)).map((problem) =>
    typeof problem.path[0] === 'number' ? draft.lines[readable[problem.path[0]]!.index]!.key : 'lines',
  );
  const complete = readable.length === draft.lines.length;
  const body: Schemas['NewOffer'] | undefined =
    complete && problems.size === 0
      ? {
          lines: draft.lines.map((line, index) => ({ description: line.description, unit: line.unit, ...priced[index]! })),
          currency: draft.currency,
          deliveryEstimate: draft.deliveryEstimate,
          ...(validUntil ? { validUntil } : {}),
          ...(draft.terms.trim() ? { terms: draft.terms } : {}),
          ...(draft.note.trim() ? { note: draft.note } : {}),
        }
      : undefined;
  return { lineNets, totals, complete, problems, overLimit, body };
};

/**
 * The fields a 400 names (`lines.2.unitPrice`, after `fieldProblems` dropped `body.`), as where
 * the editor shows them: line 2 is the line that was third when posted, wherever it moved since.
 */
export const placeProblems = (fields: ReadonlyMap<string, string>, postedKeys: readonly string[]): Map<string, string> =>
  new Map(
    [...fields].map(([field, reason]) => {
      const match = /^lines\.(\d+)(?:\.(\w+))?/.exec(field);
      const key = match ? postedKeys[Number(match[1])] : undefined;
      if (!match || key === undefined) return [field, reason];
      return [match[2] ? `${key}.${match[2]}` : key, reason];
    }),
  );
