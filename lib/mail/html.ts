/**
 * HTML for e-mails without a template engine: the `html` tag escapes every interpolated value, so
 * a template can only emit markup written in its own source. Markup built elsewhere (a nested
 * template, the Markdown renderer) travels as `SafeHtml`, which only this module can create.
 */

/** Proof that markup came from this module. The private field makes it unforgeable: a plain
 * string, an object literal or `Object.create(SafeHtml.prototype)` fails the `#markup in` check. */
export class SafeHtml {
  readonly #markup: string;

  private constructor(markup: string) {
    this.#markup = markup;
  }

  static isSafe(value: unknown): value is SafeHtml {
    return typeof value === 'object' && value !== null && #markup in value;
  }

  /** Module-internal: the only way in is `html` below (the class is exported for its type and guard). */
  static ofTrusted(markup: string, key: symbol): SafeHtml {
    if (key !== trustKey) throw new TypeError('SafeHtml is made by the html tag only');
    return new SafeHtml(markup);
  }

  toString(): string {
    return this.#markup;
  }
}

const trustKey = Symbol('SafeHtml');

/** What a template may interpolate: text (escaped), markup, lists of either, or nothing. */
export type HtmlValue = SafeHtml | string | number | undefined | null | false | readonly HtmlValue[];

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Control characters other than tab and line breaks are not allowed in HTML text; they go. */
const invalidInHtml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** Escapes text for element content and quoted attribute values alike. The backtick too: old IE
 * took it as an attribute quote, and it costs nothing. */
export const escapeHtml = (text: string): string => text.replace(invalidInHtml, '').replace(/[&<>"'`]/g, (c) => entities[c]!);

const render = (value: HtmlValue): string => {
  if (value === undefined || value === null || value === false) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  if (SafeHtml.isSafe(value)) return value.toString();
  return escapeHtml(String(value));
};

/** The auto-escaping tag: html`<p>${userText}</p>`. Attribute values must be quoted in the template. */
export const html = (strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml => {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1]!;
  return SafeHtml.ofTrusted(out, trustKey);
};

/** Joins markup with a separator that is itself markup (e.g. html`<br>`). */
export const join = (parts: readonly SafeHtml[], separator: SafeHtml): SafeHtml => html`${parts.flatMap((part, i) => (i === 0 ? [part] : [separator, part]))}`;

const allowedSchemes = new Set(['https:', 'http:', 'mailto:']);

/** Whitespace, controls, and the invisible characters a scheme could be hidden behind. */
const suspicious = /[\u0000-\u0020\u007F-\u00A0\u00AD\u1680\u180E\u2000-\u200F\u2028-\u202F\u205F-\u206F\u3000\uFEFF]/;

/** A URL safe for an href: absolute https, http or mailto, or `#`. Anything else (javascript:,
 * data:, vbscript:, a relative path, entity-encoded or whitespace-split schemes, controls) is
 * refused rather than repaired: a mail has no base URL and a user's link has no excuse. The
 * result is still text; the `html` tag escapes it into the attribute. */
export const safeUrl = (url: string): string => {
  const trimmed = url.trim();
  if (trimmed === '' || suspicious.test(trimmed)) return '#';
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return '#';
  }
  if (!allowedSchemes.has(parsed.protocol)) return '#';
  if (parsed.protocol !== 'mailto:' && parsed.hostname === '') return '#';
  return parsed.href;
};

/** Whether `safeUrl` kept the URL (the Markdown renderer drops refused links to their text). */
export const isSafeUrl = (url: string): boolean => safeUrl(url) !== '#';
