import { html, isSafeUrl, safeUrl, type SafeHtml } from '../html.js';
import type { TimelineEntry } from '../../domain/timeline-entry.js';
import type { Strings } from '../strings.js';
import { muted, hairline } from '../layout.js';
import { markdownToText, renderBody } from '../markdown.js';
import { plainText } from '../plain-text.js';

/**
 * The building blocks templates share, each in both formats at once so the HTML and the text
 * part cannot drift apart.
 */

export interface Part {
  html: SafeHtml;
  text: string;
}

export const parts = (...list: (Part | undefined | false)[]): Part => {
  const present = list.filter((part): part is Part => Boolean(part));
  return { html: html`${present.map((part) => part.html)}`, text: present.map((part) => part.text).join('\n\n') };
};

export const paragraph = (text: string): Part => ({ html: html`<p style="margin:0 0 16px;">${text}</p>`, text: plainText(text) });

/** A fact's value: text, or a part when it is more than text (a link, a rating's stars). */
export type FactRow = [label: string, value: string | Part | undefined];

const asPart = (value: string | Part): Part => (typeof value === 'string' ? { html: html`${value}`, text: plainText(value) } : value);

/** Label–value rows, e.g. File / Size. The text part aligns nothing: mail clients wrap it anyway. */
export const facts = (rows: FactRow[], margin = '0 0 16px'): Part => {
  const shown = rows.flatMap(([label, value]) => (value === undefined || value === '' ? [] : [[label, asPart(value)] as const]));
  return {
    html: html`<table role="presentation" cellspacing="0" cellpadding="0" border="0" style="margin:${margin};border-collapse:collapse;">${shown.map(
      ([label, value]) =>
        html`<tr><td style="padding:3px 16px 3px 0;font-size:14px;color:${muted};vertical-align:top;white-space:nowrap;">${label}</td><td style="padding:3px 0;font-size:15px;vertical-align:top;word-break:break-word;">${value.html}</td></tr>`,
    )}</table>`,
    text: shown.map(([label, value]) => `${label}: ${value.text}`).join('\n'),
  };
};

/**
 * A URL someone gave (a delivery's staging site) as a link; one that safeUrl refuses stays text,
 * as the Markdown renderer keeps a refused link's text: it is still what they wrote.
 */
export const urlPart = (url: string | undefined, color: string): Part | undefined => {
  const given = url?.trim();
  if (!given) return undefined;
  if (!isSafeUrl(given)) return { html: html`${given}`, text: plainText(given) };
  return { html: html`<a href="${safeUrl(given)}" target="_blank" rel="noopener noreferrer" style="color:${color};text-decoration:underline;word-break:break-word;">${given}</a>`, text: given };
};

const starFilled = '#e8a317';
const starEmpty = '#c9cdd3';

/**
 * A rating of 1 to 5 as stars and in words: "★★★★☆ 4 of 5". In HTML every star is the filled
 * one, coloured or grey, so a font that draws ☆ thin or not at all shows no gap; screen readers
 * skip the stars and say the words.
 */
export const starRating = (value: string | undefined, words: (rating: number) => string): Part | undefined => {
  if (value === undefined || !/^[1-5]$/.test(value)) return undefined;
  const rating = Number(value);
  const [filled, empty] = ['★'.repeat(rating), '★'.repeat(5 - rating)];
  return {
    html: html`<span aria-hidden="true" style="font-size:17px;line-height:1;letter-spacing:1px;"><span style="color:${starFilled};">${filled}</span><span style="color:${starEmpty};">${empty}</span></span> ${words(rating)}`,
    text: `${filled}${'☆'.repeat(5 - rating)} ${words(rating)}`,
  };
};

/** A short label reads best bold; a warning is a sentence or two, which bold makes hard to read. */
const tones = {
  internal: { background: '#fff6dc', border: '#e2b33c', color: '#5a4300', weight: 600 },
  warning: { background: '#fdecea', border: '#d9534f', color: '#6e1b17', weight: 400 },
};

/** The rule beside what the agency wrote for itself (an internal note, a payment's resolution): the internal notice's colour. */
export const internalAccent = tones.internal.border;

/** A coloured notice, e.g. that a note is internal or that mail bounces. */
export const callout = (text: string, tone: keyof typeof tones): Part => {
  const { background, border, color, weight } = tones[tone];
  return {
    html: html`<table role="presentation" width="100%" cellspacing="0" cellpadding="0" border="0" style="margin:0 0 16px;"><tr><td style="padding:10px 14px;background:${background};border-left:4px solid ${border};border-radius:4px;font-size:14px;font-weight:${weight};line-height:1.45;color:${color};" bgcolor="${background}">${text}</td></tr></table>`,
    // A label stands out in brackets; a warning is a sentence, bracketed it would read as an aside.
    text: tone === 'internal' ? `[ ${text} ]` : text,
  };
};

/** A message or note as its author wrote it, set apart by a rule in the brand's (or a notice's) colour. */
export const messageBody = (entry: Pick<TimelineEntry, 'body' | 'format'>, accent: string, linkColor: string): Part | undefined => {
  if (!entry.body?.trim()) return undefined;
  return {
    html: html`<table role="presentation" width="100%" cellspacing="0" cellpadding="0" border="0" style="margin:0 0 16px;table-layout:fixed;"><tr><td style="padding:2px 0 2px 14px;border-left:3px solid ${accent};word-break:break-word;overflow-wrap:anywhere;">${renderBody(entry.body, entry.format, { linkColor })}</td></tr></table>`,
    text: plainText(entry.body).trim(),
  };
};

/** The start of a message as plain words, for the preview (only the start: previews are short). */
export const gistOf = (entry: Pick<TimelineEntry, 'body' | 'format'>): string => {
  const start = (entry.body ?? '').slice(0, 600);
  return entry.format === 'markdown' ? markdownToText(start) : start;
};

/** A status change as two labels with an arrow; the new one in the brand's colour. */
export const statusChange = (from: string | undefined, to: string, color: string): Part => ({
  html: html`<p style="margin:0 0 16px;font-size:15px;">${from ? html`<span style="display:inline-block;padding:3px 10px;border:1px solid ${hairline};border-radius:12px;color:${muted};">${from}</span> <span style="color:${muted};">&rarr;</span> ` : ''}<span style="display:inline-block;padding:3px 10px;border-radius:12px;background:${color};color:#ffffff;font-weight:600;">${to}</span></p>`,
  text: from ? `${from} → ${to}` : to,
});

/** Bytes as people read them: 842 B, 12.3 kB, 1.2 MB (decimal units, like file managers on phones). */
export const fileSize = (bytes: number, t: Strings): string => {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${t.number(value, value < 10 ? 1 : 0)} ${units[unit]}`;
};

const panelBackground = '#f7f7f9';

/**
 * A sum that matters, set apart: a caption, the amount large in the brand's colour, a line under
 * it (e.g. the net) and the facts that go with it (validity, due date, bank details).
 */
export const amountPanel = (input: { caption: string; amount: string | undefined; under?: string; rows: FactRow[]; color: string }): Part => {
  const { caption, amount, under, rows, color } = input;
  const details = facts(rows, '10px 0 0');
  const shown = details.text !== '';
  return {
    html: html`<table role="presentation" width="100%" cellspacing="0" cellpadding="0" border="0" style="margin:0 0 18px;border-collapse:separate;"><tr><td style="padding:14px 16px;background:${panelBackground};border:1px solid ${hairline};border-left:4px solid ${color};border-radius:6px;" bgcolor="${panelBackground}"><p style="margin:0 0 2px;font-size:13px;line-height:1.4;color:${muted};">${caption}</p>${amount ? html`<p style="margin:0;font-size:24px;line-height:1.3;font-weight:700;color:${color};">${amount}</p>` : ''}${under ? html`<p style="margin:2px 0 0;font-size:14px;line-height:1.4;color:${muted};">${under}</p>` : ''}${shown ? details.html : ''}</td></tr></table>`,
    text: [`${caption}: ${plainText(amount ?? '')}${under ? ` (${plainText(under)})` : ''}`, ...(shown ? [details.text] : [])].join('\n'),
  };
};

/** An IBAN in groups of four, as people read and type it: `CZ65 0800 0000 1920 0014 5399`. */
export const groupedIban = (iban: string | undefined): string | undefined => {
  const compact = iban?.replace(/\s+/g, '');
  return compact ? compact.replace(/(.{4})(?=.)/g, '$1 ') : undefined;
};
