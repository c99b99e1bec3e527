import { html, isSafeUrl, safeUrl, type SafeHtml } from './html.js';

/**
 * A small Markdown renderer for messages people write on the portal, made for mail: it knows
 * the few constructs people use in a helpdesk (paragraphs, line breaks, bold, emphasis, code,
 * fenced code, lists, quotes, links) and nothing else. It never emits the source's own markup:
 * every character of the message reaches the output through the escaping `html` tag, so raw
 * HTML in a message shows as text. Links go through `safeUrl`; a refused one keeps its text only.
 * Styles are inline because mail clients drop style sheets.
 *
 * Deliberate differences from CommonMark: a single line break is a visible break (people write
 * messages like that and expect them to look so), there are no headings, tables, images, HTML
 * blocks or reference links, and nesting stops at a fixed depth so hostile input cannot recurse
 * without end.
 */

export interface MarkdownOptions {
  /** Turn bare http(s) URLs into links (default true). */
  autolink?: boolean;
  /** Link colour, e.g. the brand's primary colour. */
  linkColor?: string;
  /**
   * Style attributes on the elements (default true): mail clients drop style sheets, so mail
   * needs them. The portal says false: its Content-Security-Policy forbids inline styles, and its
   * style sheet styles the same elements.
   */
  inlineStyles?: boolean;
}

const maxDepth = 6;
const mono = 'Consolas,Menlo,Monaco,monospace';
const styles = {
  p: 'margin:0 0 12px;',
  quote: 'margin:0 0 12px;padding:2px 0 2px 12px;border-left:3px solid #d0d4da;color:#4a5059;',
  pre: `margin:0 0 12px;padding:10px 12px;background:#f3f4f6;border-radius:4px;font-family:${mono};font-size:13px;line-height:1.45;white-space:pre-wrap;word-break:break-word;overflow-wrap:anywhere;`,
  code: `font-family:${mono};font-size:0.9em;background:#f3f4f6;padding:1px 4px;border-radius:3px;`,
  list: 'margin:0 0 12px;padding-left:24px;',
  li: 'margin:0 0 4px;',
};

interface Context {
  autolink: boolean;
  inlineStyles: boolean;
  linkStyle: string;
}

const contextOf = (options: MarkdownOptions = {}): Context => ({
  autolink: options.autolink ?? true,
  inlineStyles: options.inlineStyles ?? true,
  linkStyle: `color:${cssColor(options.linkColor, '#0b5cad')};text-decoration:underline;word-break:break-word;`,
});

/** An element's style attribute, or none where the reader's style sheet styles it. */
const styleOf = (context: Context, style: string) => (context.inlineStyles ? html` style="${style}"` : '');

/** A colour from configuration is still checked before it goes into a style attribute. */
export const cssColor = (color: string | undefined, fallback: string): string => (color && /^#[0-9a-f]{3,8}$/i.test(color) ? color : fallback);

/** Line breaks made uniform and the control characters other than tab and newline removed. */
export const cleanText = (text: string): string => text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, '');

/** Renders a Markdown message as mail HTML. */
export const renderMarkdown = (source: string, options?: MarkdownOptions): SafeHtml => {
  const context = contextOf(options);
  return html`${blocks(cleanText(source).split('\n'), 0, false, context)}`;
};

/** Renders a plain-text message: escaped paragraphs (blank lines) with line breaks kept. */
export const renderPlainText = (source: string, options?: MarkdownOptions): SafeHtml => {
  const context = contextOf(options);
  const paragraphs = cleanText(source)
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.replace(/^\n+|\n+$/g, ''))
    .filter((paragraph) => paragraph.trim() !== '');
  return html`${paragraphs.map((paragraph) => html`<p${styleOf(context, styles.p)}>${plainInline(paragraph, context)}</p>`)}`;
};

/** The gist of a Markdown message as plain words, for the inbox preview (the text part keeps the
 * source: Markdown reads fine as it is). Not a renderer: it only drops the markers. */
export const markdownToText = (source: string): string =>
  cleanText(source)
    .replace(/^ {0,3}(```|~~~).*$/gm, '')
    .replace(/^ {0,3}(> ?)+/gm, '')
    .replace(/^ {0,3}([-*+]|\d{1,9}[.)])[ \t]+/gm, '')
    .replace(/!?\[([^\]\n]*)\]\([^)\n]*\)/g, '$1')
    .replace(/(\*\*|__|`+)(?=\S)([^\n]*?\S)\1/g, '$2')
    .replace(/(^|[^\p{L}\p{N}*_])([*_])(?=\S)([^\n*_]*?\S)\2(?![\p{L}\p{N}])/gu, '$1$3');

/** A message body in its stored format (plain text when the format is unknown). */
export const renderBody = (body: string, format: 'text' | 'markdown' | undefined, options?: MarkdownOptions): SafeHtml =>
  format === 'markdown' ? renderMarkdown(body, options) : renderPlainText(body, options);

// ---- Blocks ----

const fenceOpen = /^ {0,3}(`{3,}|~{3,})[^`]*$/;
const quoteLine = /^ {0,3}> ?/;
const itemLine = /^( {0,3})([-*+]|\d{1,9}[.)])(?:([ \t]+)(.*))?$/;
const isBlank = (line: string) => line.trim() === '';

interface Item {
  ordered: boolean;
  marker: string;
  start: number;
  indent: number;
  first: string;
}

const itemOf = (line: string): Item | undefined => {
  const match = itemLine.exec(line);
  if (!match) return undefined;
  const [, lead = '', marker = '', gap = ' ', first = ''] = match;
  const ordered = /\d/.test(marker);
  // A content indent past four spaces is code in CommonMark; here it is just content.
  const indent = lead.length + marker.length + (gap.length > 4 ? 1 : gap.length);
  return { ordered, marker: ordered ? marker.slice(-1) : marker, start: ordered ? Number(marker.slice(0, -1)) : 1, indent, first };
};

/** A paragraph line that starts another block ends the paragraph (an ordered list only from 1). */
const interrupts = (line: string, depth: number): boolean => {
  if (fenceOpen.test(line)) return true;
  if (depth >= maxDepth) return false;
  if (quoteLine.test(line)) return true;
  const item = itemOf(line);
  return item !== undefined && item.first.trim() !== '' && (!item.ordered || item.start === 1);
};

/** `tight`: inside a list item, paragraphs need no margins of their own. */
const blocks = (lines: string[], depth: number, tight: boolean, context: Context): SafeHtml[] => {
  const out: SafeHtml[] = [];
  /** Whether the last block was a tight paragraph: the next one is set apart by a blank line. */
  let afterParagraph = false;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (isBlank(line)) {
      i++;
      continue;
    }
    const fence = fenceOpen.exec(line);
    if (fence) {
      const marker = fence[1]!;
      const close = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`);
      const code: string[] = [];
      i++;
      while (i < lines.length && !close.test(lines[i]!)) code.push(lines[i++]!);
      i++; // the closing fence; an unterminated block runs to the end, as in CommonMark
      out.push(html`<pre${styleOf(context, styles.pre)}><code>${code.join('\n')}</code></pre>`);
      afterParagraph = false;
      continue;
    }
    if (depth < maxDepth && quoteLine.test(line)) {
      const inner: string[] = [];
      while (i < lines.length && quoteLine.test(lines[i]!)) inner.push(lines[i++]!.replace(quoteLine, ''));
      out.push(html`<blockquote${styleOf(context, styles.quote)}>${blocks(inner, depth + 1, false, context)}</blockquote>`);
      afterParagraph = false;
      continue;
    }
    const first = depth < maxDepth ? itemOf(line) : undefined;
    if (first) {
      const { html: list, next } = listAt(lines, i, first, depth, context);
      out.push(list);
      i = next;
      afterParagraph = false;
      continue;
    }
    const paragraph: string[] = [line];
    i++;
    while (i < lines.length && !isBlank(lines[i]!) && !interrupts(lines[i]!, depth)) paragraph.push(lines[i++]!);
    const content = inline(paragraph.map((l) => l.trim()).join('\n'), context, 0, false);
    out.push(tight ? html`${afterParagraph ? html`<br><br>` : ''}${content}` : html`<p${styleOf(context, styles.p)}>${content}</p>`);
    afterParagraph = tight;
  }
  return out;
};

const listAt = (lines: string[], start: number, first: Item, depth: number, context: Context): { html: SafeHtml; next: number } => {
  const items: SafeHtml[] = [];
  let i = start;
  let item: Item | undefined = first;
  while (item && item.ordered === first.ordered && item.marker === first.marker) {
    const content: string[] = [item.first];
    i++;
    while (i < lines.length) {
      const line = lines[i]!;
      if (isBlank(line)) {
        // A blank line continues the item only if indented content follows.
        let j = i + 1;
        while (j < lines.length && isBlank(lines[j]!)) j++;
        if (j < lines.length && indentOf(lines[j]!) >= item.indent) {
          for (; i < j; i++) content.push('');
          continue;
        }
        break;
      }
      if (indentOf(line) >= item.indent) content.push(line.slice(item.indent));
      else if (itemOf(line) || interrupts(line, depth)) break;
      else content.push(line); // a lazy continuation of the item's paragraph
      i++;
    }
    items.push(html`<li${styleOf(context, styles.li)}>${blocks(content, depth + 1, true, context)}</li>`);
    // Blank lines between items keep the list going.
    let j = i;
    while (j < lines.length && isBlank(lines[j]!)) j++;
    item = j < lines.length ? itemOf(lines[j]!) : undefined;
    if (item && item.ordered === first.ordered && item.marker === first.marker) i = j;
  }
  const list = first.ordered
    ? html`<ol${first.start !== 1 ? html` start="${first.start}"` : ''}${styleOf(context, styles.list)}>${items}</ol>`
    : html`<ul${styleOf(context, styles.list)}>${items}</ul>`;
  return { html: list, next: i };
};

const indentOf = (line: string): number => /^ */.exec(line)![0].length + (line.startsWith('\t') ? 4 : 0);

// ---- Inlines ----

const punctuation = /[!-/:-@[-`{-~]/;
const alnum = /[\p{L}\p{N}]/u;
const space = /\s/;
const bareUrl = /^https?:\/\/[^\s<>"'`]+/;
const angleUrl = /^<((?:https?:\/\/|mailto:)[^\s<>]+)>/;

/** Trailing punctuation of a bare URL is the sentence's, and a closing paren only if unbalanced. */
const trimUrl = (url: string): string => {
  let end = url.length;
  for (;;) {
    const c = url[end - 1]!;
    if ('.,;:!?*_~\'"'.includes(c)) end--;
    else if (c === ')' && count(url.slice(0, end), '(') < count(url.slice(0, end), ')')) end--;
    else break;
  }
  return url.slice(0, end);
};
const count = (text: string, c: string) => text.split(c).length - 1;

const link = (url: string, label: HtmlLike, context: Context): SafeHtml =>
  html`<a href="${safeUrl(url)}"${styleOf(context, context.linkStyle)} rel="noopener noreferrer" target="_blank">${label}</a>`;

type HtmlLike = SafeHtml | string | (SafeHtml | string)[];

/** Escaped text with bare URLs made links: the plain-text format. */
const plainInline = (text: string, context: Context): SafeHtml => {
  const parts: (SafeHtml | string)[] = [];
  let plain = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      parts.push(plain, html`<br>`);
      plain = '';
      continue;
    }
    if (context.autolink && c === 'h' && !alnum.test(text[i - 1] ?? ' ')) {
      const match = bareUrl.exec(text.slice(i, i + 2048));
      const url = match && trimUrl(match[0]);
      if (url && isSafeUrl(url)) {
        parts.push(plain, link(url, url, context));
        plain = '';
        i += url.length - 1;
        continue;
      }
    }
    plain += c;
  }
  parts.push(plain);
  return html`${parts}`;
};

/**
 * Inline Markdown. `depth` bounds nested emphasis; `inLink` stops links inside link text.
 * Closers are searched forward; once a search for a delimiter fails from some position, it fails
 * from every later one too, which `noCloser` remembers so that a run of unmatched openers stays
 * linear instead of quadratic.
 */
const inline = (text: string, context: Context, depth: number, inLink: boolean): SafeHtml => {
  const parts: (SafeHtml | string)[] = [];
  let plain = '';
  const noCloser = new Map<string, number>();
  const flush = () => {
    parts.push(plain);
    plain = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const rest = () => text.slice(i);
    if (c === '\\' && text[i + 1] === '\n') continue; // a backslash hard break: the break follows anyway
    if (c === '\\' && i + 1 < text.length && punctuation.test(text[i + 1]!)) {
      plain += text[++i];
      continue;
    }
    if (c === '\n') {
      plain = plain.replace(/[ \t]+$/, '');
      flush();
      parts.push(html`<br>`);
      continue;
    }
    if (c === '`') {
      const run = /^`+/.exec(rest())![0];
      const close = findCodeClose(text, i + run.length, run.length);
      if (close >= 0) {
        let code = text.slice(i + run.length, close).replace(/\n/g, ' ');
        if (/^ .*[^ ].* $/.test(code)) code = code.slice(1, -1);
        flush();
        parts.push(html`<code${styleOf(context, styles.code)}>${code}</code>`);
        i = close + run.length - 1;
      } else {
        plain += run;
        i += run.length - 1;
      }
      continue;
    }
    if ((c === '*' || c === '_') && depth < maxDepth) {
      const run = c === text[i + 1] ? c + c : c;
      const close = canOpen(text, i, run) ? findEmphasisClose(text, i + run.length, run, noCloser) : -1;
      if (close > i + run.length) {
        flush();
        const content = inline(text.slice(i + run.length, close), context, depth + 1, inLink);
        parts.push(run.length === 2 ? html`<strong>${content}</strong>` : html`<em>${content}</em>`);
        i = close + run.length - 1;
      } else {
        plain += run;
        i += run.length - 1;
      }
      continue;
    }
    if (c === '[' && !inLink) {
      const parsed = parseLink(text, i);
      if (parsed) {
        flush();
        const label = inline(parsed.label, context, depth + 1, true);
        // A refused destination drops the link and keeps its words.
        parts.push(isSafeUrl(parsed.url) ? link(parsed.url, label, context) : label);
        i = parsed.end - 1;
        continue;
      }
    }
    if (c === '<' && !inLink) {
      const match = angleUrl.exec(text.slice(i, i + 2048));
      if (match && isSafeUrl(match[1]!)) {
        flush();
        parts.push(link(match[1]!, match[1]!, context));
        i += match[0].length - 1;
        continue;
      }
    }
    if (c === 'h' && context.autolink && !inLink && !alnum.test(text[i - 1] ?? ' ')) {
      const match = bareUrl.exec(text.slice(i, i + 2048));
      const url = match && trimUrl(match[0]);
      if (url && isSafeUrl(url)) {
        flush();
        parts.push(link(url, url, context));
        i += url.length - 1;
        continue;
      }
    }
    plain += c;
  }
  flush();
  return html`${parts}`;
};

const findCodeClose = (text: string, from: number, length: number): number => {
  const run = '`'.repeat(length);
  for (let at = text.indexOf(run, from); at >= 0; at = text.indexOf(run, at + 1)) {
    // Exactly `length` backticks: a longer run is not the closer.
    if (text[at - 1] !== '`' && text[at + length] !== '`') return at;
    while (text[at + 1] === '`') at++;
  }
  return -1;
};

/** An opener is followed by a non-space; `_` also must not stand inside a word (snake_case). */
const canOpen = (text: string, at: number, run: string): boolean => {
  const next = text[at + run.length];
  if (next === undefined || space.test(next)) return false;
  return run[0] !== '_' || !alnum.test(text[at - 1] ?? ' ');
};

const findEmphasisClose = (text: string, from: number, run: string, noCloser: Map<string, number>): number => {
  if (from >= (noCloser.get(run) ?? Infinity)) return -1;
  for (let at = text.indexOf(run, from); at >= 0; at = text.indexOf(run, at + 1)) {
    const before = text[at - 1]!;
    const after = text[at + run.length];
    if (space.test(before)) continue;
    if (run.length === 1 && (after === run || before === run)) continue; // part of a ** run
    if (run[0] === '_' && after !== undefined && alnum.test(after)) continue;
    // In a longer run (`***` closing `**very *much***`) the outer delimiter takes the last characters.
    while (text[at + run.length] === run[0]) at++;
    return at;
  }
  noCloser.set(run, Math.min(from, noCloser.get(run) ?? Infinity));
  return -1;
};

/** `[label](destination "optional title")`; the label may hold balanced brackets. */
const parseLink = (text: string, at: number): { label: string; url: string; end: number } | undefined => {
  let level = 0;
  let close = -1;
  for (let i = at; i < text.length && i < at + 1000; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '[') level++;
    else if (c === ']' && --level === 0) {
      close = i;
      break;
    }
  }
  if (close < 0 || text[close + 1] !== '(') return undefined;
  const match = /^\(\s*(<[^<>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+"[^"\n]*")?\s*\)/.exec(text.slice(close + 1, close + 2100));
  if (!match) return undefined;
  const url = match[1]!.replace(/^<|>$/g, '');
  return { label: text.slice(at + 1, close), url, end: close + 1 + match[0].length };
};
