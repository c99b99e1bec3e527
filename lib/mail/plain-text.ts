import { cleanText } from './markdown.js';

/**
 * Text for the places that are not HTML: the subject header, the preheader and the text part.
 * A header must stay on one line whatever a title holds ("\r\nBcc: ..." would otherwise start a
 * header of its own), so every control, line and paragraph separator and invisible formatting
 * character (bidi overrides that could reverse a subject) becomes a space there.
 */

const notForHeaders = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/** One line of text: controls and invisible formatting removed, whitespace collapsed. */
export const oneLine = (text: string): string => text.replace(notForHeaders, ' ').replace(/\s+/g, ' ').trim();

/** Cuts to at most `max` characters (whole code points) with an ellipsis. */
export const cap = (text: string, max: number): string => {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
};

/** The longest subject: well under the 998-octet line limit and what mail clients show. */
export const maxSubjectLength = 200;

/** `[#2026-0042] What happened – Title`, on one line and capped; the title gives way first. */
export const subjectLine = (requestId: string, summary: string, title: string): string => {
  const head = `[#${oneLine(requestId)}] ${oneLine(summary)}`;
  const full = `${head} – ${oneLine(title)}`;
  if (Array.from(full).length <= maxSubjectLength) return full;
  const room = maxSubjectLength - Array.from(head).length - 3;
  return room > 10 ? `${head} – ${cap(oneLine(title), room)}` : cap(full, maxSubjectLength);
};

/** User text for the text part: as written, less the control characters other than \n and \t. */
export const plainText = (text: string): string => cleanText(text);

/** The inbox preview: the start of what happened, on one line. */
export const preview = (text: string, max = 140): string => cap(oneLine(text), max);
