/**
 * The HTML half of reading a reply: where a client's quote of the earlier mail starts, and a
 * small HTML-to-text conversion. No DOM: a linear scan over tags, fit for the few kinds of HTML
 * mail clients write. The output is plain text for `reply-text.ts`; whoever shows it escapes it.
 */

/** Where a mail client puts the quoted earlier mail; the earliest one found ends the new text. */
const quoteContainers: readonly { pattern: RegExp; cite: boolean }[] = [
  // Gmail: <div class="gmail_quote gmail_quote_container"> around the attribution and a blockquote.
  { pattern: /<(?:div|blockquote)\b[^<>]*?\sclass\s*=\s*["']?[^"'<>=]*\bgmail_quote\b/i, cite: true },
  // Thunderbird: <div class="moz-cite-prefix">On … wrote:</div><blockquote type="cite">.
  { pattern: /<div\b[^<>]*?\sclass\s*=\s*["']?[^"'<>=]*\bmoz-cite-prefix\b/i, cite: true },
  // Apple Mail, Thunderbird and others: the quote itself.
  { pattern: /<blockquote\b[^<>]*?\stype\s*=\s*["']?cite\b/i, cite: true },
  // Outlook on the web and new Outlook: <div id="appendonsend"></div><hr><div id="divRplyFwdMsg">.
  { pattern: /<div\b[^<>]*?\sid\s*=\s*["']?appendonsend\b/i, cite: false },
  { pattern: /<div\b[^<>]*?\sid\s*=\s*["']?divRplyFwdMsg\b/i, cite: false },
  // Outlook for Windows: the From/Sent block sits in a div with a thin grey rule on top.
  { pattern: /<div\b[^<>]*?\sstyle\s*=\s*["'][^"'<>=]*border-top\s*:\s*solid\s+#(?:E1E1E1|B5C4DF)\b/i, cite: false },
  // Yahoo Mail.
  { pattern: /<div\b[^<>]*?\sclass\s*=\s*["']?[^"'<>=]*\byahoo_quoted\b/i, cite: false },
];

/**
 * The text of a reply's HTML up to the client's quote container, or, when nothing stands before
 * a cited quote (a reply written below or between the quoted lines, as Thunderbird does by
 * default), the whole mail with cited blockquotes as `>` lines: the text rules then find the
 * new text among them.
 */
export function htmlReplyToText(html: string, hasNewText: (text: string) => boolean): string {
  const source = withoutComments(html);
  let cut: { index: number; cite: boolean } | undefined;
  for (const { pattern, cite } of quoteContainers) {
    const index = source.search(pattern);
    if (index >= 0 && (cut === undefined || index < cut.index)) cut = { index, cite };
  }
  if (cut === undefined) return htmlToText(source);
  const before = htmlToText(source.slice(0, cut.index));
  return hasNewText(before) || !cut.cite ? before : htmlToText(source);
}

/** Elements whose content is never text. */
const skipped = new Set(['script', 'style', 'head', 'title', 'template', 'noscript', 'xml', 'object', 'svg', 'math']);
/** Elements that start and end a line. */
const blocks = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'html', 'li',
  'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul',
]);

/**
 * A tag: a strict form (quoted attribute values) and a loose one for broken markup. Neither
 * crosses a `<`, so each attempt ends at the next one and the scan stays linear.
 */
const tagPattern = /<(\/?)([a-zA-Z][\w:.-]*)(?![\w:.-])((?:[^<>"']|"[^<"]*"|'[^<']*')*)>|<(\/?)([a-zA-Z][\w:.-]*)(?![\w:.-])([^<>]*)>|<![^<>]*>|<\?[^<>]*>/g;

/** Plain text of an HTML mail: line breaks for blocks and `<br>`, entities decoded, cited blockquotes as `>` lines. */
export function htmlToText(html: string): string {
  const lines: string[] = [];
  let line = '';
  /** Depth of cited blockquotes, and per open blockquote whether it was a cited one. */
  let quoteDepth = 0;
  const blockquotes: boolean[] = [];
  let pre = 0;
  let msoParagraph = false;
  /** Open links: their href and where their text started. */
  const links: { href: string; start: number; lineCount: number }[] = [];

  const push = (): void => {
    const text = line.replace(/[ \t]+$/, '');
    lines.push(quoteDepth > 0 ? '>'.repeat(quoteDepth) + (text ? ` ${text}` : '') : text);
    line = '';
  };
  /** Ends the line if it has anything in it; a no-break space counts (Outlook's empty paragraphs hold one). */
  const endLine = (): void => {
    if (/[^ \t]/.test(line)) push();
    else line = '';
  };
  const blankLine = (): void => {
    endLine();
    const last = lines[lines.length - 1];
    if (last !== undefined && last.replace(/^>+/, '').trim() !== '') push();
  };
  const addText = (raw: string): void => {
    let text = pre > 0 ? raw.replace(/\r\n?/g, '\n') : raw.replace(/[ \t\r\n\f]+/g, ' ');
    if (text === '') return;
    text = decodeEntities(text);
    if (pre > 0) {
      const parts = text.split('\n');
      parts.forEach((part, i) => {
        if (i > 0) push();
        line += part;
      });
      return;
    }
    line += line === '' ? text.replace(/^ +/, '') : text;
  };

  const source = html;
  let at = 0;
  tagPattern.lastIndex = 0;
  for (let match = tagPattern.exec(source); match; match = tagPattern.exec(source)) {
    addText(source.slice(at, match.index));
    at = tagPattern.lastIndex;
    const name = (match[2] ?? match[5] ?? '').toLowerCase();
    if (name === '') continue; // <!DOCTYPE>, <?xml?>
    const closing = (match[1] ?? match[4]) === '/';
    const attributes = match[3] ?? match[6] ?? '';

    if (skipped.has(name)) {
      if (closing || /\/\s*$/.test(attributes)) continue;
      const end = new RegExp(`</${name}\\s*>`, 'ig');
      end.lastIndex = at;
      const found = end.exec(source);
      at = found ? end.lastIndex : source.length;
      tagPattern.lastIndex = at;
      continue;
    }
    if (name === 'br') {
      push();
      continue;
    }
    if (name === 'a') {
      if (!closing) {
        const href = /\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i.exec(attributes);
        links.push({ href: decodeEntities(href?.[1] ?? href?.[2] ?? href?.[3] ?? '').trim(), start: line.length, lineCount: lines.length });
      } else {
        const link = links.pop();
        if (link && /^https?:\/\//i.test(link.href)) {
          const text = lines.length === link.lineCount ? line.slice(link.start).trim() : '';
          if (text !== '' && !sameUrl(text, link.href)) line += ` <${link.href}>`;
        }
      }
      continue;
    }
    if (name === 'td' || name === 'th') {
      if (closing) line += ' ';
      continue;
    }
    if (!blocks.has(name)) continue;

    if (name === 'blockquote') {
      endLine();
      if (!closing) {
        const cite = /\stype\s*=\s*["']?cite\b/i.test(attributes) || /\sclass\s*=\s*["']?[^"'<>=]*\bgmail_quote\b/i.test(attributes);
        blockquotes.push(cite);
        if (cite) quoteDepth += 1;
      } else if (blockquotes.pop()) {
        quoteDepth -= 1;
      }
      continue;
    }
    // Paragraphs have a margin in every client's default style: a blank line around them. Not
    // Outlook's (class MsoNormal and the like): those have none and empty ones make the gaps.
    if (name === 'p' && !closing) msoParagraph = /\sclass\s*=\s*["']?Mso/i.test(attributes);
    if ((name === 'p' && !msoParagraph) || /^h[1-6]$/.test(name)) blankLine();
    else endLine();
    if (name === 'pre') pre = Math.max(0, pre + (closing ? -1 : 1));
    if (name === 'li' && !closing) line = '- ';
  }
  addText(source.slice(at));
  endLine();
  return lines.join('\n');
}

/** The link's text is its address (as clients write pasted links), give or take the scheme or a trailing slash. */
const sameUrl = (text: string, href: string): boolean => {
  const bare = (url: string): string => url.replace(/^(?:https?:\/\/|mailto:)/i, '').replace(/\/$/, '').toLowerCase();
  return bare(text) === bare(href);
};

/** Comments (Outlook's conditional ones hold whole XML documents) go first, before any search. */
const withoutComments = (html: string): string => {
  let out = '';
  let at = 0;
  for (;;) {
    const start = html.indexOf('<!--', at);
    if (start < 0) return out + html.slice(at);
    out += html.slice(at, start);
    const end = html.indexOf('-->', start + 4);
    if (end < 0) return out;
    at = end + 3;
  }
};

const namedEntities: Readonly<Record<string, string>> = {
  nbsp: '\u00a0', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", shy: '', zwnj: '', zwj: '', lrm: '', rlm: '',
  ensp: ' ', emsp: ' ', thinsp: ' ', ndash: '–', mdash: '—', hellip: '…', lsquo: '‘', rsquo: '’', sbquo: '‚',
  ldquo: '“', rdquo: '”', bdquo: '„', laquo: '«', raquo: '»', lsaquo: '‹', rsaquo: '›', bull: '•', middot: '·',
  copy: '©', reg: '®', trade: '™', euro: '€', pound: '£', yen: '¥', cent: '¢', sect: '§', para: '¶', deg: '°',
  plusmn: '±', times: '×', divide: '÷', frac12: '½', frac14: '¼', frac34: '¾', sup2: '²', sup3: '³', micro: 'µ',
  iexcl: '¡', iquest: '¿', szlig: 'ß', larr: '←', rarr: '→', uarr: '↑', darr: '↓', check: '✓', dagger: '†',
};
/** Letters with a diacritic (`&ecaron;`, `&uring;`, `&aacute;`): the base letter and the combining mark. */
const diacritics: Readonly<Record<string, string>> = {
  acute: '\u0301', caron: '\u030c', ring: '\u030a', uml: '\u0308', grave: '\u0300', circ: '\u0302', tilde: '\u0303', cedil: '\u0327',
};

/** Decodes numeric entities, the common named ones and accented letters; leaves unknown ones as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}));/g, (entity, decimal?: string, hex?: string, name?: string) => {
    if (name !== undefined) {
      const known = namedEntities[name];
      if (known !== undefined) return known;
      const accented = /^([a-zA-Z])([a-z]+)$/.exec(name);
      const mark = accented ? diacritics[accented[2]!] : undefined;
      if (accented && mark) {
        const letter = (accented[1]! + mark).normalize('NFC');
        if (letter.length === 1) return letter;
      }
      return entity;
    }
    const code = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex ?? '', 16);
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
    if (code === 0xa0) return '\u00a0';
    return String.fromCodePoint(code);
  });
}
