import type * as z from 'zod';

/**
 * No C0 or C1 control character (line feed, carriage return and tab among them) and no Unicode
 * line or paragraph separator. Written as ranges, not `\p{Cc}`, so the OpenAPI document's
 * `pattern` reads the same in every JSON Schema validator.
 */
const noLineBreaks = /^[^\u0000-\u001f\u007f-\u009f\u2028\u2029]*$/;

/**
 * A field that is one line wherever it is shown: a title, a name, an address line, an offer
 * line's description. A line break in one would start a line of its own in the order PDF or a
 * mail (`Krátká s.r.o.\r\nBcc: …` as a customer's name), so input refuses it with a 400 naming
 * the field. Applied to the input schemas only: what was stored before stays readable.
 */
export const singleLine = (text: z.ZodString): z.ZodString => text.regex(noLineBreaks, 'must be a single line: no line breaks, tabs or other control characters');
