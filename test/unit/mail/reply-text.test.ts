import { build } from 'esbuild';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import PostalMime from 'postal-mime';
import { bundleOptions } from '../../../infra/bundle-options.js';
import { describe, expect, it } from 'vitest';
import { newReplyText } from '../../../lib/mail/reply/reply-text.js';
import { decodeEntities, htmlToText } from '../../../lib/mail/reply/html-to-text.js';

const fixtures = fileURLToPath(new URL('../../fixtures/replies/', import.meta.url));
const names = readdirSync(fixtures).filter((file) => file.endsWith('.eml')).map((file) => file.slice(0, -'.eml'.length)).sort();

/** A quoted notification, as the clients quote it. */
const quoted = '> Jana Nováková sent an offer for request #2026-0042.\n>\n> Review the offer: https://portal.digimadi.example/requests/2026-0042';

describe('newReplyText on real-shaped replies (test/fixtures/replies)', () => {
  it('has fixtures, each with its expected text', () => {
    expect(names.length).toBeGreaterThanOrEqual(20);
    for (const name of names) expect(existsSync(`${fixtures}${name}.expected.txt`), `${name}.expected.txt`).toBe(true);
    for (const file of readdirSync(fixtures).filter((f) => f.endsWith('.expected.txt'))) {
      expect(names, `${file} without its .eml`).toContain(file.slice(0, -'.expected.txt'.length));
    }
  });

  it.each(names)('%s', async (name) => {
    const mail = await PostalMime.parse(readFileSync(`${fixtures}${name}.eml`));
    expect(newReplyText(mail)).toBe(readFileSync(`${fixtures}${name}.expected.txt`, 'utf8'));
  });

  it.each(names)('%s: its HTML part alone gives the same text', async (name) => {
    const mail = await PostalMime.parse(readFileSync(`${fixtures}${name}.eml`));
    if (mail.html === undefined || mail.text === undefined) return;
    expect(newReplyText({ html: mail.html })).toBe(readFileSync(`${fixtures}${name}.expected.txt`, 'utf8'));
  });

  it('reads the HTML only when there is no text part, and an attachment adds nothing', async () => {
    const html = await PostalMime.parse(readFileSync(`${fixtures}html-only-gmail-cs.eml`));
    expect(html.text).toBeUndefined();
    const attached = await PostalMime.parse(readFileSync(`${fixtures}attachment-cs.eml`));
    expect(attached.attachments).toHaveLength(1);
    expect(attached.attachments[0]!.mimeType).toBe('application/pdf');
    expect(newReplyText(attached)).not.toMatch(/%PDF|endobj|Helvetica|Objednavka N-|\.pdf/);
  });
});

describe('newReplyText: reply headers', () => {
  const cut = (header: string, after = `\n\n${quoted}`): string => newReplyText({ text: `New text.\n\n${header}${after}` });

  it.each([
    ['Gmail (en)', 'On Tue, 24 Nov 2026 at 10:00, Jana Nováková <jana@example.cz> wrote:'],
    ['Gmail (en-US)', 'On Tue, Nov 24, 2026 at 10:00 AM Jana Nováková <jana@example.cz> wrote:'],
    ['Apple Mail (en)', 'On 24 Nov 2026, at 10:00, Jana <jana@example.cz> wrote:'],
    ['Thunderbird (en)', 'On 24/11/2026 10:00, Jana Nováková wrote:'],
    ['Gmail (cs)', 'Dne út 24. 11. 2026 v 10:00 odesílatel Jana Nováková <jana@example.cz> napsal:'],
    ['Thunderbird (cs)', 'Dne 24. 11. 2026 v 10:00 Jana Nováková napsal(a):'],
    ['Apple Mail (cs)', '24. 11. 2026 v 10:00, Jana Nováková <jana@example.cz>:'],
    ['Apple Mail (cs, Dne)', 'Dne 24. 11. 2026 v 10:00, Jana Nováková <jana@example.cz> napsal(a):'],
    ['a bare address', 'Jana Nováková <jana@example.cz> wrote:'],
  ])('%s', (_client, header) => {
    expect(cut(header)).toBe('New text.');
  });

  it.each([
    ['Outlook (en) with a rule', '________________________________\nFrom: Jana Nováková <jana@example.cz>\nSent: Tuesday, November 24, 2026 10:00 AM\nTo: Petr Svoboda <petr@example.cz>\nSubject: Offer'],
    ['Outlook (en) without a rule', 'From: Jana Nováková <jana@example.cz>\nSent: Tuesday, November 24, 2026 10:00 AM\nTo: Petr Svoboda <petr@example.cz>\nSubject: Offer'],
    ['Outlook (en) with *bold* fields', '*From:* Jana Nováková <jana@example.cz>\n*Sent:* Tuesday, November 24, 2026 10:00 AM\n*To:* Petr Svoboda <petr@example.cz>\n*Subject:* Offer'],
    ['Outlook for Mac (en)', 'From: Jana Nováková <jana@example.cz>\nDate: Tuesday, 24 November 2026 at 10:00\nTo: Petr Svoboda <petr@example.cz>\nSubject: Offer'],
    ['Outlook (cs) with a rule', '________________________________\nOd: Jana Nováková <jana@example.cz>\nOdesláno: úterý 24. listopadu 2026 10:00\nKomu: Petr Svoboda <petr@example.cz>\nPředmět: Nabídka'],
    ['Outlook (cs) without a rule', 'Od: Jana Nováková <jana@example.cz>\nOdesláno: úterý 24. listopadu 2026 10:00\nKomu: Petr Svoboda <petr@example.cz>\nPředmět: Nabídka'],
    ['Outlook (cs) with Datum', 'Od: Jana Nováková <jana@example.cz>\nDatum: úterý 24. listopadu 2026 10:00\nKomu: Petr Svoboda <petr@example.cz>\nPředmět: Nabídka'],
    ['Outlook with a wrapped From', 'From: Digimadi Helpdesk\n<a-rather-long-address-of-the-helpdesk@digimadi.example>\nSent: Tuesday, November 24, 2026 10:00 AM\nTo: Petr\nSubject: Offer'],
    ['Outlook (en) Original Message', '-----Original Message-----\nFrom: Jana [mailto:jana@example.cz]\nSent: Tuesday, November 24, 2026 10:00 AM'],
    ['Outlook (cs) Původní zpráva', '-----Původní zpráva-----\nOd: Jana [mailto:jana@example.cz]\nOdesláno: 24. listopadu 2026 10:00'],
    ['Seznam (cs) Původní e-mail', '---------- Původní e-mail ----------\nOd: Jana <jana@example.cz>\nKomu: petr@example.cz\nDatum: 24. 11. 2026 10:00:00'],
  ])('%s, with the unquoted original after it', (_client, header) => {
    expect(cut(header, '\n\nJana Nováková sent an offer for request #2026-0042.')).toBe('New text.');
  });

  it('finds a header wrapped onto a second or third line', () => {
    expect(cut('On Tue, 24 Nov 2026 at 10:00, Jana Nováková <\njana@example.cz> wrote:')).toBe('New text.');
    expect(cut('Dne út 24. 11. 2026 v 10:00 odesílatel Jana Nováková <jana@example.cz>\nnapsal:')).toBe('New text.');
    expect(cut('On Tue, 24 Nov 2026 at 10:00, Digimadi Helpdesk of the\nDigimadi agency <a-long-address@digimadi.example>\nwrote:')).toBe('New text.');
  });

  it('reads no-break, narrow no-break and thin spaces in a header as spaces', () => {
    expect(cut('Dne\u00a0út\u00a024.\u00a011.\u00a02026 v\u00a010:00 odesílatel Jana Nováková <jana@example.cz> napsal:')).toBe('New text.');
    expect(cut('On Tue, Nov 24, 2026 at 10:00\u202fAM Jana <jana@example.cz> wrote:')).toBe('New text.');
    expect(cut('24.\u00a011.\u00a02026 v\u00a010:00, Jana Nováková <jana@example.cz>:')).toBe('New text.');
    expect(cut('\u00a0Od:\u00a0Jana <jana@example.cz>\nOdesláno:\u00a0úterý 24. listopadu 2026 10:00\nKomu:\u00a0Petr\nPředmět:\u00a0Nabídka', '\n\nText')).toBe('New text.');
  });

  it('keeps a mid-sentence "wrote:" and a Czech sentence with "napsal"', () => {
    const english = 'As Sarah wrote: the banner must stay blue.\nMy colleague wrote: the logo is outdated.';
    expect(newReplyText({ text: `${english}\n\nOn 24 Nov 2026, at 10:00, Jana <jana@example.cz> wrote:\n\n${quoted}` })).toBe(english);
    const czech = 'Kolega vám už minulý týden napsal, že logo je zastaralé.\nJak jsem napsal: použijte nový soubor.';
    expect(newReplyText({ text: `${czech}\n\nDne 24. 11. 2026 v 10:00 Jana Nováková napsal(a):\n${quoted}` })).toBe(czech);
  });

  it('keeps a line shaped like a header when no quote follows it', () => {
    const text = 'On 20 Nov our designer wrote:\nthe logo file is outdated.\n\nDne 20. 11. jsem vám napsal:\npoužijte nový soubor.';
    expect(newReplyText({ text })).toBe(text);
    expect(newReplyText({ text: 'The data comes From: our database.\nFrom: Monday on, Sent: nothing.' })).toBe('The data comes From: our database.\nFrom: Monday on, Sent: nothing.');
  });

  it('reads a reply written below the quote or between its lines', () => {
    expect(newReplyText({ text: `On 24/11/2026 10:00, Jana Nováková wrote:\n${quoted}\n\nMy answer.\n\n-- \nPetr` })).toBe('My answer.');
    expect(newReplyText({ text: 'On 24 Nov 2026, at 14:00, Jana <jana@example.cz> wrote:\n> Option A?\n\nYes.\n\n> Option B?\n\nNo.' })).toBe('Yes.\n\nNo.');
  });

  it('gives the empty string for a reply that only quotes', () => {
    expect(newReplyText({ text: `\n\nOn Tue, 24 Nov 2026 at 10:00, Jana <jana@example.cz> wrote:\n\n${quoted}\n` })).toBe('');
    expect(newReplyText({ text: '\r\n________________________________\r\nOd: Jana\r\nOdesláno: úterý 24. listopadu 2026 10:00\r\nKomu: Petr\r\nPředmět: Nabídka\r\n\r\nText' })).toBe('');
    expect(newReplyText({ text: quoted })).toBe('');
    expect(newReplyText({})).toBe('');
  });
});

describe('newReplyText: signatures and layout', () => {
  it('cuts at a "-- " line, with or without its space', () => {
    expect(newReplyText({ text: 'Thanks.\n\n-- \nPetr Svoboda\n+420 777 123 456' })).toBe('Thanks.');
    expect(newReplyText({ text: 'Thanks.\n--\nPetr Svoboda' })).toBe('Thanks.');
    expect(newReplyText({ text: 'Well -- maybe.\n---\nnext' })).toBe('Well -- maybe.\n---\nnext');
  });

  it.each([
    'Sent from my iPhone',
    'Sent from my Galaxy',
    'Sent from Outlook for iOS',
    'Sent from Mail for Windows',
    'Get Outlook for iOS<https://aka.ms/o0ukef>',
    'Get Outlook for Android',
    'Odesláno z iPhonu',
    'Odesláno z mého iPhonu',
    'Odesláno z iPadu',
    'Odesláno z Outlooku pro Android',
    'Odesláno z Outlooku pro Android<https://aka.ms/AAb9ysg>',
    'Odesláno z aplikace Pošta pro Windows',
    'Stáhněte si Outlook pro iOS<https://aka.ms/o0ukef>',
  ])('cuts at the sign-off "%s"', (signOff) => {
    expect(newReplyText({ text: `Díky, platba odešla.\n\n${signOff}\n\n${quoted}` })).toBe('Díky, platba odešla.');
  });

  it('keeps sentences that begin like a sign-off', () => {
    const text = 'Odesláno z Prahy v pondělí, dorazí zítra.\nSent from our warehouse on Monday.';
    expect(newReplyText({ text })).toBe(text);
  });

  it('trims, keeps blank lines as written up to two in a row, and drops trailing spaces', () => {
    expect(newReplyText({ text: '\n\n  Hello,  \n\nline\n\n\nafter two\n\n\n\n\nafter five\n\n' })).toBe('Hello,\n\nline\n\n\nafter two\n\n\nafter five');
    expect(newReplyText({ text: 'Hello,\r\n\r\nbye\r\n' })).toBe('Hello,\n\nbye');
    expect(newReplyText({ text: 'a\u00a0b\n\u00a0\nc' })).toBe('a b\n\nc');
  });

  it('drops quoted lines and the blank lines they leave', () => {
    expect(newReplyText({ text: 'Before.\n\n> quoted\n> more\n\nAfter.' })).toBe('Before.\n\nAfter.');
  });

  it('prefers the text part, and reads the HTML when the text part is empty', () => {
    expect(newReplyText({ text: 'From the text.', html: '<p>From the HTML.</p>' })).toBe('From the text.');
    expect(newReplyText({ text: ' \n', html: '<p>From the HTML.</p>' })).toBe('From the HTML.');
  });
});

describe('newReplyText: HTML-only replies', () => {
  const reply = (html: string): string => newReplyText({ html });

  it.each([
    ['Gmail', '<div class="gmail_quote gmail_quote_container"><div class="gmail_attr">On … wrote:<br></div><blockquote class="gmail_quote">Old</blockquote></div>'],
    ['Outlook on the web', '<div id="appendonsend"></div><hr style="display:inline-block;width:98%"><div id="divRplyFwdMsg" dir="ltr"><b>From:</b> Jana</div><div>Old</div>'],
    ['Outlook (divRplyFwdMsg only)', '<hr><div id="divRplyFwdMsg" dir="ltr"><b>Od:</b> Jana</div><div>Old</div>'],
    ['Outlook for Windows', '<div><div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm"><p class="MsoNormal"><b>From:</b> Jana</p></div></div><p>Old</p>'],
    ['Thunderbird', '<div class="moz-cite-prefix">On 24/11/2026 10:00, Jana wrote:<br></div><blockquote type="cite">Old</blockquote>'],
    ['Apple Mail', '<div><br><blockquote type="cite"><div>24. 11. 2026 v 10:00, Jana &lt;jana@example.cz&gt;:</div><div>Old</div></blockquote></div>'],
  ])('cuts at the quote container of %s', (_client, quote) => {
    expect(reply(`<div dir="ltr"><div>New text.</div></div>${quote}`)).toBe('New text.');
  });

  it('keeps a blockquote the person wrote (Gmail indents with one)', () => {
    expect(reply('<div>Look:</div><blockquote style="margin:0 0 0 40px;border:none;padding:0px"><div>indented</div></blockquote><div>ok</div>')).toBe('Look:\nindented\nok');
  });

  it('reads a reply written below a cited quote', () => {
    expect(reply('<div class="moz-cite-prefix">On 24/11/2026 10:00, Jana wrote:<br></div><blockquote type="cite">Old<br>mail</blockquote><p>My answer.</p>')).toBe('My answer.');
    expect(reply('<div id="appendonsend"></div><div id="divRplyFwdMsg"><b>Od:</b> Jana</div><div>Old</div>')).toBe('');
  });

  it('gives lines for blocks and <br>, blank lines for paragraphs and empty blocks', () => {
    expect(reply('<div>Hello,</div><div><br></div><div>line one<br>line two<br></div><p>para</p><p>graph</p>')).toBe('Hello,\n\nline one\nline two\n\npara\n\ngraph');
    expect(reply('<p class="MsoNormal">Dobrý den,<o:p></o:p></p><p class="MsoNormal"><o:p>&nbsp;</o:p></p><p class="MsoNormal">text<o:p></o:p></p>')).toBe('Dobrý den,\n\ntext');
    expect(reply('<ul><li>one</li><li>two</li></ul>')).toBe('- one\n- two');
  });

  it('drops scripts, styles, the head and comments, and collapses source whitespace', () => {
    const html = '<html><head><title>x</title><style>p{color:red}</style></head><body><!-- note <div class="gmail_quote"> --><script>alert("x<div>")</script>\n  <div>Hello\n   world</div><style>.a{}</style></body></html>';
    expect(reply(html)).toBe('Hello world');
    expect(reply('<div>a</div><script>never closed <b>bold</b>')).toBe('a');
  });

  it('decodes entities, numeric and named, and leaves unknown ones', () => {
    expect(decodeEntities('&lt;b&gt; &amp;amp; &quot;x&quot; &#269;&#x159; &ecaron;&scaron;&ccaron;&rcaron;&zcaron;&yacute;&aacute;&iacute;&eacute;&uring; &Scaron; &bdquo;&ldquo; &hellip; &nosuch; &#0;')).toBe(
      '<b> &amp; "x" čř ěščřžýáíéů Š „“ … &nosuch; \ufffd',
    );
    expect(reply('<div>a&nbsp;&nbsp;b</div>')).toBe('a  b');
  });

  it('writes a link as its text and its address, unless the text is the address', () => {
    expect(reply('<div><a href="https://example.cz/a?x=1&amp;y=2">the manual</a> and <a href="https://example.cz/b">https://example.cz/b</a> and <a href="mailto:a@example.cz">a@example.cz</a></div>')).toBe(
      'the manual <https://example.cz/a?x=1&y=2> and https://example.cz/b and a@example.cz',
    );
  });

  it('survives broken markup', () => {
    expect(htmlToText('<div title="a>b">x</div><div data-x=it\'s>y</div>a < b <c')).toBe('x\ny\na < b <c');
    expect(htmlToText('<p>unclosed <b>bold')).toBe('unclosed bold');
  });

  it('stays fast on hostile HTML and text', () => {
    const hostile = [
      '<div class="'.repeat(20_000) + '<a "'.repeat(20_000) + '<script>'.repeat(5_000),
      `<${'a'.repeat(200_000)}`,
      `<div ${'class=x '.repeat(50_000)}`,
      `<div style="${' style="'.repeat(50_000)}`,
      `<div ${'x="'.repeat(50_000)}`,
    ];
    const started = performance.now();
    for (const html of hostile) newReplyText({ html });
    newReplyText({ text: 'On 1 Jan 2026, at 10:00, X <x@example.cz> wrote:\n> q\n'.repeat(50_000) });
    newReplyText({ text: `On 1 ${'x'.repeat(300_000)} wrote:\n> q` });
    newReplyText({ text: '-'.repeat(300_000) });
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});

/** It runs in the inbound-mail Lambda beside postal-mime (~70 KB): plain rules, no DOM (jsdom alone is megabytes). */
it('bundles newReplyText under 20 KB minified', async () => {
  const entry = fileURLToPath(new URL('../../../lib/mail/reply/reply-text.ts', import.meta.url));
  const result = await build({ ...bundleOptions, sourcemap: false, entryPoints: [entry], bundle: true, write: false, logLevel: 'silent' });
  expect(result.outputFiles[0]!.contents.byteLength).toBeLessThan(20_000);
}, 30_000);
