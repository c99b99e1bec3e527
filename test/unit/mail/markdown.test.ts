import { describe, expect, it } from 'vitest';
import { markdownToText, renderBody, renderMarkdown, renderPlainText } from '../../../lib/mail/markdown.js';

/** The structure without the inline styles, which mail needs but tables of cases don't. */
const bare = (markup: { toString(): string }) => markup.toString().replace(/ style="[^"]*"/g, '');
const a = (href: string, label = href) => `<a href="${href}" rel="noopener noreferrer" target="_blank">${label}</a>`;

describe('renderMarkdown', () => {
  it.each([
    ['a paragraph', 'Hello', '<p>Hello</p>'],
    ['paragraphs split by blank lines', 'one\n\ntwo', '<p>one</p><p>two</p>'],
    ['a single line break as a visible break', 'line 1\nline 2', '<p>line 1<br>line 2</p>'],
    ['hard breaks by two spaces or a backslash', 'a  \nb\\\nc', '<p>a<br>b<br>c</p>'],
    ['Windows line ends', 'a\r\nb\r\n\r\nc', '<p>a<br>b</p><p>c</p>'],
    ['bold and emphasis', '**bold** *em* _em_', '<p><strong>bold</strong> <em>em</em> <em>em</em></p>'],
    ['emphasis inside bold', '**very *much***', '<p><strong>very <em>much</em></strong></p>'],
    ['snake_case as it is', 'call some_function_name now', '<p>call some_function_name now</p>'],
    ['a lone star as text', '5 * 3 = 15', '<p>5 * 3 = 15</p>'],
    ['inline code, escaped and not parsed', 'run `a **b** <c>`', '<p>run <code>a **b** &lt;c&gt;</code></p>'],
    ['code with backticks inside', '``a ` b``', '<p><code>a &#96; b</code></p>'],
    ['bold and emphasis in one run', '***both***', '<p><strong><em>both</em></strong></p>'],
    ['a backslash escape', '\\*not em\\*', '<p>*not em*</p>'],
    ['a fenced code block', '```ts\nconst a = "<b>";\n  indented\n```\nafter', '<pre><code>const a = &quot;&lt;b&gt;&quot;;\n  indented</code></pre><p>after</p>'],
    ['a tilde fence', '~~~\n**x**\n~~~', '<pre><code>**x**</code></pre>'],
    ['a bullet list', '- one\n- two\n* three', '<ul><li>one</li><li>two</li></ul><ul><li>three</li></ul>'],
    ['an ordered list', '1. one\n2. two', '<ol><li>one</li><li>two</li></ol>'],
    ['an ordered list from 3', '3. three\n4. four', '<ol start="3"><li>three</li><li>four</li></ol>'],
    ['a nested list', '- a\n  - b\n- c', '<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>'],
    ['a list after a paragraph line', 'Tried:\n- x\n- y', '<p>Tried:</p><ul><li>x</li><li>y</li></ul>'],
    ['a lazy continuation line', '- a\nstill a', '<ul><li>a<br>still a</li></ul>'],
    ['a list item of two paragraphs', '- a\n\n  more\n- b', '<ul><li>a<br><br>more</li><li>b</li></ul>'],
    ['a quote', '> quoted\n> on\n\nafter', '<blockquote><p>quoted<br>on</p></blockquote><p>after</p>'],
    ['a nested quote', '> a\n> > b', '<blockquote><p>a</p><blockquote><p>b</p></blockquote></blockquote>'],
    ['a link', '[site](https://example.com/a?b=1&c=2)', `<p>${a('https://example.com/a?b=1&amp;c=2', 'site')}</p>`],
    ['a link with formatting in its text', '[**bold** link](https://example.com)', `<p>${a('https://example.com/', '<strong>bold</strong> link')}</p>`],
    ['a mailto link', '[mail](mailto:jana@example.cz)', `<p>${a('mailto:jana@example.cz', 'mail')}</p>`],
    ['a link with a title', '[t](https://example.com "Title")', `<p>${a('https://example.com/', 't')}</p>`],
    ['a link with parentheses', '[w](https://en.wikipedia.org/wiki/Foo_(bar))', `<p>${a('https://en.wikipedia.org/wiki/Foo_(bar)', 'w')}</p>`],
    ['a bare URL, without the sentence’s full stop', 'see https://example.com/x.', `<p>see ${a('https://example.com/x')}.</p>`],
    ['an angle-bracket URL', '<https://example.com>', `<p>${a('https://example.com/', 'https://example.com')}</p>`],
    ['a relative link as its text', '[home](/home)', '<p>home</p>'],
    ['Czech text as it is', 'Příliš žluťoučký kůň úpěl ďábelské ódy – „uvozovky“', '<p>Příliš žluťoučký kůň úpěl ďábelské ódy – „uvozovky“</p>'],
    ['nothing for an empty message', '  \n\n ', ''],
  ])('renders %s', (_, source, expected) => {
    expect(bare(renderMarkdown(source))).toBe(expected);
  });

  it('does not autolink when told not to', () => {
    expect(bare(renderMarkdown('https://example.com', { autolink: false }))).toBe('<p>https://example.com</p>');
  });

  it('colours links with a checked colour only', () => {
    expect(renderMarkdown('[a](https://x.cz)', { linkColor: '#5b2a6e' }).toString()).toContain('color:#5b2a6e;');
    expect(renderMarkdown('[a](https://x.cz)', { linkColor: 'red;background:url(https://evil)' }).toString()).not.toContain('evil');
  });
});

const hostile = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[x](javascript:alert(1))',
  '[x](JaVaScRiPt:alert(1))',
  '[x](java&#x09;script:alert(1))',
  '[x](java\tscript:alert(1))',
  '[x]( javascript:alert(1))',
  '[x](<javascript:alert(1)>)',
  '[x](data:text/html;base64,PHNjcmlwdD4=)',
  '[x](vbscript:msgbox(1))',
  '<javascript:alert(1)>',
  '<a href="javascript:alert(1)">click</a>',
  '"><svg onload=alert(1)>',
  "'><iframe src=javascript:alert(1)>",
  '<style>body{display:none}</style>',
  '`<script>` and ``` <b>',
  '[unterminated](https://example.com',
  '**unterminated *emphasis _here',
  '```\nunterminated fence <script>alert(1)</script>',
  '> > > > > > > > > > deep <b>quote',
  '[a [nested](javascript:alert(1)) link](https://example.com)',
  '[x](https://example.com" onmouseover="alert(1))',
  'https://example.com/"onmouseover="alert(1)',
  '<!-- comment --> &lt;script&gt; &#60;script&#62;',
];

/** Every start tag's attributes, and every href, as the browser would decode them. */
const tagsOf = (markup: string) => [...markup.matchAll(/<[a-zA-Z][^>]*>/g)].map((m) => m[0]);
const hrefsOf = (markup: string) => [...markup.matchAll(/href\s*=\s*"([^"]*)"/gi)].map((m) => m[1]!.replace(/&amp;/g, '&'));

const assertInert = (markup: string) => {
  expect(markup).not.toMatch(/<script/i);
  expect(markup).not.toMatch(/<(img|svg|iframe|style|object|embed|form|input)\b/i);
  for (const tag of tagsOf(markup)) {
    expect(tag).toMatch(/^<(p|br|strong|em|code|pre|ul|ol|li|blockquote|a)[\s>]/);
    expect(tag).not.toMatch(/\son\w+\s*=/i);
  }
  for (const href of hrefsOf(markup)) expect(href).toMatch(/^(https?:\/\/[^\s"]+|mailto:[^\s"]+)$/);
  expect(markup).not.toMatch(/href="[^"]*javascript:/i);
};

describe('hostile Markdown', () => {
  it.each(hostile)('renders %j as inert text', (source) => {
    const markup = renderMarkdown(source).toString();
    assertInert(markup);
    expect(renderPlainText(source).toString()).not.toMatch(/<(?!\/?(p|br|a)[\s>])/);
  });

  it('renders all of it at once as inert text', () => {
    assertInert(renderMarkdown(hostile.join('\n\n')).toString());
    assertInert(renderMarkdown(hostile.join('\n')).toString());
  });

  it('keeps the words of hostile markup, escaped', () => {
    expect(renderMarkdown('<script>alert(1)</script>').toString()).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(renderMarkdown('<img src=x onerror=alert(1)>').toString()).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(renderMarkdown('"><svg onload=alert(1)>').toString()).toContain('&quot;&gt;&lt;svg onload=alert(1)&gt;');
    expect(bare(renderMarkdown('[click me](javascript:alert(1))'))).toBe('<p>click me</p>');
    expect(bare(renderMarkdown('[x]( javascript:alert(1))'))).toBe('<p>x</p>');
  });

  it('keeps an unterminated fence as code to the end', () => {
    expect(bare(renderMarkdown('```\n<b>\n**x**'))).toBe('<pre><code>&lt;b&gt;\n**x**</code></pre>');
  });

  it('stays fast on pathological input of the largest message size', () => {
    const started = performance.now();
    for (const source of ['**'.repeat(10_000), '*a '.repeat(6_000), '['.repeat(20_000), '[a]('.repeat(5_000), '>'.repeat(20_000), '- '.repeat(10_000), '`'.repeat(20_000), '_a '.repeat(6_000), '  - a\n'.repeat(3_000)]) {
      assertInert(renderMarkdown(source).toString());
    }
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});

describe('renderPlainText', () => {
  it('escapes paragraphs and keeps line breaks', () => {
    expect(bare(renderPlainText('Hi <b>you</b>,\nthanks.\n\n**not bold**'))).toBe('<p>Hi &lt;b&gt;you&lt;/b&gt;,<br>thanks.</p><p>**not bold**</p>');
  });

  it('links bare https URLs only', () => {
    expect(bare(renderPlainText('see https://example.com/a, or javascript:alert(1)'))).toBe(`<p>see ${a('https://example.com/a')}, or javascript:alert(1)</p>`);
  });
});

describe('renderBody', () => {
  it('renders Markdown only when the format says so', () => {
    expect(bare(renderBody('**b**', 'markdown'))).toBe('<p><strong>b</strong></p>');
    expect(bare(renderBody('**b**', 'text'))).toBe('<p>**b**</p>');
    expect(bare(renderBody('**b**', undefined))).toBe('<p>**b**</p>');
  });
});

describe('markdownToText', () => {
  it('drops the markers for the preview', () => {
    expect(markdownToText('**Bold** and _em_ with `code`\n- item\n> quote\n[link](https://x.cz)')).toBe('Bold and em with code\nitem\nquote\nlink');
  });
});

describe('renderMarkdown for a page with its own style sheet', () => {
  it('leaves out every style attribute when inline styles are off, and keeps the same elements', () => {
    const source = 'A **bold** `code` [link](https://example.com)\n\n> quoted\n\n- one\n- two\n\n```\nfenced\n```';
    const styled = renderMarkdown(source).toString();
    const plain = renderMarkdown(source, { inlineStyles: false }).toString();
    expect(styled).toContain(' style="');
    expect(plain).not.toContain('style=');
    expect(plain).toBe(styled.replace(/ style="[^"]*"/g, ''));
  });
});
