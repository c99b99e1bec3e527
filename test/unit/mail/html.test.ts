import { describe, expect, it } from 'vitest';
import { escapeHtml, html, safeUrl, SafeHtml } from '../../../lib/mail/html.js';

describe('the html tag', () => {
  it('escapes every interpolated string, backtick included', () => {
    expect(html`<p title="${`"'\`<>&`}">${'<script>alert(1)</script>'}</p>`.toString()).toBe(
      '<p title="&quot;&#39;&#96;&lt;&gt;&amp;">&lt;script&gt;alert(1)&lt;/script&gt;</p>',
    );
  });

  it('keeps markup made by html itself and joins arrays of it', () => {
    const items = ['a<', 'b'].map((item) => html`<li>${item}</li>`);
    expect(html`<ul>${items}</ul>`.toString()).toBe('<ul><li>a&lt;</li><li>b</li></ul>');
  });

  it('renders undefined, null and false as nothing, and numbers as text', () => {
    expect(html`[${undefined}${null}${false}${0}${42}]`.toString()).toBe('[042]');
  });

  it('escapes plain strings inside arrays too', () => {
    expect(html`${['<b>', html`<i>`]}`.toString()).toBe('&lt;b&gt;<i>');
  });

  it('removes control characters that are not allowed in HTML', () => {
    expect(escapeHtml('a\u0000b\u0007c\td\ne\u007f')).toBe('abc\td\ne');
  });
});

describe('SafeHtml', () => {
  it('cannot be forged by a plain string or a look-alike object', () => {
    const lookAlike = { toString: () => '<b>forged</b>' } as unknown as SafeHtml;
    expect(html`${lookAlike}`.toString()).toBe('&lt;b&gt;forged&lt;/b&gt;');
    expect(html`${'<b>' as unknown as SafeHtml}`.toString()).toBe('&lt;b&gt;');
    expect(SafeHtml.isSafe('<b>')).toBe(false);
    expect(SafeHtml.isSafe(lookAlike)).toBe(false);
  });

  it('cannot be forged through its prototype or its factory', () => {
    const prototyped = Object.create(SafeHtml.prototype) as SafeHtml;
    expect(SafeHtml.isSafe(prototyped)).toBe(false);
    expect(() => html`${prototyped}`).toThrow(TypeError);
    expect(() => SafeHtml.ofTrusted('<b>', Symbol('SafeHtml'))).toThrow(TypeError);
  });

  it('is recognised when the tag made it', () => {
    expect(SafeHtml.isSafe(html`<b>`)).toBe(true);
  });
});

describe('safeUrl', () => {
  it.each([
    ['https://portal.azami.cz/requests/2026-0042?link=a&b=c', 'https://portal.azami.cz/requests/2026-0042?link=a&b=c'],
    ['http://example.com', 'http://example.com/'],
    ['HTTPS://Example.com/Path', 'https://example.com/Path'],
    ['mailto:jana@example.cz', 'mailto:jana@example.cz'],
    ['  https://example.com/  ', 'https://example.com/'],
    ['https://example.com/?q="><script>', 'https://example.com/?q=%22%3E%3Cscript%3E'],
  ])('keeps %j', (url, expected) => {
    expect(safeUrl(url)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\u0000script:alert(1)',
    'java&#x09;script:alert(1)',
    '&#106;avascript:alert(1)',
    'javascript&colon;alert(1)',
    '\u200Bjavascript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.com',
    '//evil.example.com',
    '/relative/path',
    'requests/2026-0042',
    'https://',
    'https://exa mple.com',
    'https://example.com/\u202Egnp.exe',
    '',
  ])('refuses %j', (url) => {
    expect(safeUrl(url)).toBe('#');
  });
});
