import { htmlReplyToText } from './html-to-text.js';

/**
 * The new text of a reply by e-mail: what the person wrote above the quoted mail, without the
 * quote, the client's reply header (`On … wrote:`, `Dne … napsal(a):`, Outlook's From/Sent
 * block) or the signature. Pure: it takes what postal-mime parsed (`text`, `html`).
 *
 * Plain rules, anchored at line starts, for the clients people answer from, in English and
 * Czech (no library knows the Czech headers; see docs/mail.md, "The reply's new text"). The raw mail stays in S3, so
 * a rule that cuts too much loses nothing for good; one that cuts too little shows a quote.
 */

export interface ReplyMail {
  text?: string;
  html?: string;
}

/**
 * The text part when the mail has one with any text; else its HTML, cut at the client's quote
 * container and converted to text. Trimmed; blank lines as written, at most two in a row.
 */
export function newReplyText(mail: ReplyMail): string {
  if (mail.text !== undefined && mail.text.trim() !== '') return newText(mail.text);
  if (mail.html !== undefined && mail.html.trim() !== '') return newText(htmlReplyToText(mail.html, (text) => newText(text) !== ''));
  return '';
}

/** Spaces that clients put in headers (no-break, narrow no-break before AM/PM, thin) read as spaces; zero-widths go. */
const normalize = (line: string): string => line.replace(/[\u00a0\u2007\u2009\u202f]/g, ' ').replace(/[\u200b\u200e\u200f\ufeff]/g, '').trim();

/** The longest reply header we look at (a long name and address wrapped over lines). */
const maxHeaderLength = 400;

/**
 * One-line attributions (the client may wrap them onto a second or third line). Each needs a
 * date or an address in it and, in `attributionEnd`, quoted lines (or nothing) after it.
 */
const attributions: readonly RegExp[] = [
  // Gmail `On Tue, 24 Nov 2026 at 10:00, Jana <jana@…> wrote:`, Apple `On 24 Nov 2026, at 10:00, Jana <…> wrote:`,
  // Thunderbird `On 24/11/2026 10:00, Jana Nováková wrote:`.
  /^On\s.*\d.*\swrote:$/,
  // Gmail `Dne út 24. 11. 2026 v 10:00 odesílatel Jana <…> napsal:`, Thunderbird `Dne 24. 11. 2026 v 10:00 Jana napsal(a):`,
  // Apple `Dne 24. 11. 2026 v 10:00, Jana <…> napsal(a):`.
  /^Dne\s.*\d.*\snapsal(?:a|\(a\))?:$/,
  // Apple Mail in Czech: `24. 11. 2026 v 10:00, Jana Nováková <jana@…>:`.
  /^\d{1,2}\.\s?\d{1,2}\.\s?\d{4},?\s+v\s+\d{1,2}:\d{2}(?::\d{2})?,\s.*\S:$/,
  // Any client: `Jana Nováková <jana@example.cz> wrote:`.
  /^.*<[^<>\s]+@[^<>\s]+>\s(?:wrote|napsal(?:a|\(a\))?):$/,
];

/** `-----Original Message-----` (Outlook), `-----Původní zpráva-----`, Seznam's `---------- Původní e-mail ----------`. */
const separator = /^-{2,}\s*(?:original message|původní zpráva|původní e-mail|odpovězená zpráva)\s*-{2,}$/iu;
/** Outlook's rule above its header block (32 underscores). */
const rule = /^[_-]{10,}$/;
/** The fields of Outlook's header block, in English and Czech (`*bold*` markers removed first). */
const fromField = /^(?:From|Od)\s?:\s*\S/i;
const dateField = /^(?:Sent|Date|Odesláno|Posláno|Datum)\s?:/iu;
const otherField = /^(?:To|Cc|Subject|Komu|Kopie|Předmět)\s?:/iu;
/** A signature: `-- ` (trailing space often lost on the way). */
const signatureSeparator = /^--$/;
/** Mobile clients' sign-offs, whole lines (an app link may follow, as Outlook writes it). */
const signOffs: readonly RegExp[] = [
  /^Sent from my \S.{0,60}$/i,
  /^Sent from (?:Outlook|Mail|Yahoo Mail|Gmail|Proton Mail|AOL|Samsung|Spark|BlueMail)(?!\p{L}).{0,60}$/iu,
  /^Get Outlook for (?:iOS|Android)(?!\p{L}).{0,80}$/iu,
  /^Odesláno z(?:e)?\s(?:mého\s|mé\s)?(?:iPhonu|iPadu|iPhone|iPad|Outlooku|aplikace|mobilu|mobilního|telefonu|zařízení|Androidu|Samsungu?|Galaxy|Gmailu|Yahoo|Pošty|Seznam\S*)(?!\p{L}).{0,60}$/iu,
  /^(?:Získat|Získejte|Stáhnout|Stáhněte si)\sOutlook\spro\s(?:iOS|Android)(?!\p{L}).{0,80}$/iu,
];

const isQuoted = (norm: string): boolean => norm.startsWith('>');

/** Where the new text ends: the first reply header, separator, signature or sign-off. */
interface Cut {
  /** First line of what goes. */
  start: number;
  /** For an attribution: the line after it (its quote may be interleaved with new text). */
  attributionEnd?: number;
}

function findCut(norms: readonly string[], from: number): Cut | undefined {
  for (let i = from; i < norms.length; i += 1) {
    const norm = norms[i]!;
    if (norm === '' || isQuoted(norm)) continue;
    if (signatureSeparator.test(norm) || separator.test(norm) || signOffs.some((pattern) => pattern.test(norm))) return { start: i };
    if (isOutlookBlock(norms, i)) return { start: ruleAbove(norms, i) };
    const end = attributionEnd(norms, i);
    if (end !== undefined) return { start: i, attributionEnd: end };
  }
  return undefined;
}

/** A `From:`/`Od:` line followed closely by a date field and a recipient or subject field. */
function isOutlookBlock(norms: readonly string[], i: number): boolean {
  const bare = (j: number): string => norms[j]!.replaceAll('*', '').trim();
  if (!fromField.test(bare(i))) return false;
  let date = false;
  let other = false;
  for (let j = i + 1; j < Math.min(norms.length, i + 9) && !(date && other); j += 1) {
    const field = bare(j);
    if (dateField.test(field)) date = true;
    else if (otherField.test(field)) other = true;
    else if (field !== '' && j > i + 1 && !/^[\p{L}-]+\s?:/u.test(field)) break; // a wrapped From value is only the next line
  }
  return date && other;
}

/** The rule line right above Outlook's block (blank lines between allowed), else the block's first line. */
function ruleAbove(norms: readonly string[], i: number): number {
  let j = i - 1;
  while (j >= 0 && norms[j] === '') j -= 1;
  return j >= 0 && rule.test(norms[j]!) ? j : i;
}

/** The line after an attribution that starts at line i (over up to three lines), if quoted lines or nothing follow it. */
function attributionEnd(norms: readonly string[], i: number): number | undefined {
  let joined = '';
  for (let end = i + 1; end <= Math.min(norms.length, i + 3); end += 1) {
    const norm = norms[end - 1]!;
    if (norm === '' || isQuoted(norm)) return undefined;
    joined = joined === '' ? norm : `${joined} ${norm}`;
    if (joined.length > maxHeaderLength) return undefined;
    if (attributions.some((pattern) => pattern.test(joined))) {
      let next = end;
      while (next < norms.length && norms[next] === '') next += 1;
      return next === norms.length || isQuoted(norms[next]!) ? end : undefined;
    }
  }
  return undefined;
}

/** The new text of a plain-text reply (or of an HTML one converted). */
function newText(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const norms = lines.map(normalize);
  let from = 0;
  let cut = findCut(norms, from);
  // Nothing above an attribution: the reply is written below the quote or between its lines.
  while (cut?.attributionEnd !== undefined && norms.slice(from, cut.start).every((norm) => norm === '' || isQuoted(norm))) {
    from = cut.attributionEnd;
    cut = findCut(norms, from);
  }
  const end = cut?.start ?? lines.length;

  const kept: string[] = [];
  for (let i = from; i < end; i += 1) {
    if (!isQuoted(norms[i]!)) {
      kept.push(norms[i] === '' ? '' : lines[i]!.replace(/\u00a0/g, ' ').trimEnd());
      continue;
    }
    // A quoted block goes with the blank lines after it when a blank line stands before it.
    while (i + 1 < end && isQuoted(norms[i + 1]!)) i += 1;
    if (kept.length === 0 || kept[kept.length - 1] === '') while (i + 1 < end && norms[i + 1] === '') i += 1;
  }
  return kept.join('\n').replace(/\n{4,}/g, '\n\n\n').trim();
}
