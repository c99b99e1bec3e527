import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderOrderPdf } from '../../../lib/documents/order-pdf.js';
import { formatMoney } from '../../../lib/domain/orders/money.js';
import type { OfferLine } from '../../../lib/domain/orders/offer.js';
import type { Order } from '../../../lib/domain/orders/order.js';
import { spaydOf } from '../../../lib/domain/orders/spayd.js';
import { czechCustomerName, sampleOrder, sampleSupplier } from './sample-order.js';

/**
 * The order PDF read back the way a person and a banking app read it: poppler's pdftotext for the
 * text (Czech letters included) and pdftoppm + jsQR for the QR Platba code.
 */

/** jsqr is CommonJS that sets `exports.default` (and `jsQR.default = jsQR`): `.default` is the function under Node and vitest alike. */
const jsQR = jsQRModule.default;

const popplerMissing = (tool: string) =>
  new Error(`${tool} is missing: the order PDF tests read the PDF with poppler's tools. Install them: apt-get install poppler-utils`);

const run = (tool: string, args: string[]): string => {
  const result = spawnSync(tool, args, { encoding: 'utf8' });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') throw popplerMissing(tool);
  if (result.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
};

// Without poppler every test that reads a PDF fails (not skips) with the line that installs it.
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'order-pdf-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let files = 0;
const write = (pdf: Uint8Array): string => {
  const file = path.join(dir, `order-${++files}.pdf`);
  fs.writeFileSync(file, pdf);
  return file;
};

/** The PDF's text as `pdftotext -layout` gives it, no-break spaces as spaces (as poppler writes them). */
const textOf = (file: string): string => run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']);
/** The text in the order it was drawn (`-raw`): a wrapped table cell's lines stay together. */
const rawTextOf = (file: string): string => run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']);
/** Every word's box, in points from the page's top left (`pdftotext -bbox`). */
const wordBoxesOf = (file: string) =>
  [...run('pdftotext', ['-bbox', file, '-']).matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
    word: m[5]!,
  }));
const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
/** The text with each run of white space one space: a wrapped sentence reads as one. */
const flat = (text: string) => spaces(text).replace(/\s+/g, ' ');

/** Every QR code pdftoppm's rendering of the page holds, decoded. */
const qrOfPage = (file: string, page = 1): string | undefined => {
  const prefix = path.join(dir, `page-${files}-${page}`);
  run('pdftoppm', ['-r', '200', '-png', '-f', String(page), '-l', String(page), '-singlefile', file, prefix]);
  const png = PNG.sync.read(fs.readFileSync(`${prefix}.png`));
  return jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height)?.data;
};

/** Nothing drawn off a page: every word inside the A4 box and clear of its edges (10 mm and more). */
const expectEveryWordOnThePage = (file: string) => {
  const edge = 28;
  for (const box of wordBoxesOf(file)) {
    expect(box.xMin, box.word).toBeGreaterThan(edge);
    expect(box.xMax, box.word).toBeLessThan(595.28 - edge);
    expect(box.yMin, box.word).toBeGreaterThan(edge);
    expect(box.yMax, box.word).toBeLessThan(841.89 - edge);
  }
};

const pagesOf = (file: string): number => Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]))?.[1]);

/** The first QR code in the document, looked for page by page. */
const qrOfDocument = (file: string): string | undefined => {
  for (let page = 1; page <= pagesOf(file); page++) {
    const code = qrOfPage(file, page);
    if (code) return code;
  }
  return undefined;
};

describe.each(['cs', 'en'] as const)('renderOrderPdf, in %s', { timeout: 30_000 }, (language) => {
  let order: Order;
  let file: string;
  let extracted: string | undefined;
  beforeAll(async () => {
    order = sampleOrder({ language });
    file = write(await renderOrderPdf(order));
  });
  const pdfText = () => (extracted ??= textOf(file));

  it('is one A4 page with the title, author, subject and language set', () => {
    const info = run('pdfinfo', [file]);
    expect(info).toMatch(/Pages:\s+1\n/);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    expect(info).toContain(language === 'cs' ? 'Title:           Objednávka OBJ-2026-0042' : 'Title:           Order OBJ-2026-0042');
    expect(info).toContain('Author:          Digitální agentura Azami s.r.o.');
    expect(info).toContain('Nový e-shop a katalog pro sezónu 2027');
    expect(info).toMatch(/CreationDate:\s+Wed Nov 25 13:45:00 2026 UTC/);
    expect(info).toMatch(/ModDate:\s+Wed Nov 25 13:45:00 2026 UTC/);
  });

  it('holds the order number, the request, the variable symbol and the dates in the language', () => {
    const text = pdfText();
    expect(text).toContain(language === 'cs' ? 'Objednávka OBJ-2026-0042' : 'Order OBJ-2026-0042');
    expect(text).toContain('2026-0042: Nový e-shop a katalog pro sezónu 2027');
    expect(text).toContain('2026000042');
    if (language === 'cs') {
      expect(spaces(text)).toMatch(/Datum vystavení\s+25\. 11\. 2026/);
      expect(spaces(text)).toMatch(/Datum splatnosti\s+9\. 12\. 2026/);
    } else {
      expect(text).toMatch(/Issue date\s+25 November 2026/);
      expect(text).toMatch(/Due date\s+9 December 2026/);
    }
  });

  it('holds the gross and net totals and each VAT rate, as formatMoney writes them', () => {
    const text = pdfText();
    const money = (minor: number) => spaces(formatMoney(minor, order.currency, language));
    expect(order.totals.gross).toBe(4_649_200);
    expect(spaces(text)).toContain(money(order.totals.gross));
    expect(spaces(text)).toContain(money(order.totals.net));
    for (const row of order.totals.vat) {
      expect(spaces(text)).toContain(money(row.base));
      expect(spaces(text)).toContain(money(row.vat));
    }
    expect(spaces(text)).toContain(language === 'cs' ? '21 %' : '21%');
    expect(spaces(text)).toContain(language === 'cs' ? '12 %' : '12%');
  });

  it('keeps Czech diacritics intact: the customer, the lines, the terms', () => {
    const text = pdfText();
    expect(text).toContain(czechCustomerName);
    expect(text).toContain('Příliš žluťoučký kůň úpěl ďábelské ódy');
    expect(text).toContain('ĚŠČŘŽÝÁÍÉŮÚŤĎŇ ěščřžýáíéůúťďň');
    expect(text).toContain('Příliš žluťoučká 12');
    expect(flat(text)).toContain('Odběratel poskytne podklady „bez zbytečného odkladu“ – nejpozději do pěti pracovních dnů od vyžádání');
  });

  it('wraps the long terms inside the page and keeps every word of them', () => {
    const text = pdfText();
    for (const paragraph of order.terms.split('\n')) expect(flat(text)).toContain(paragraph);
    expectEveryWordOnThePage(file);
  });

  it('names the bank details, the QR code and who accepted the order when', () => {
    const text = pdfText();
    expect(text).toContain('QR Platba');
    expect(flat(text)).toContain('CZ65 0800 0000 1920 0014 5399');
    expect(text).toContain('GIBACZPX');
    expect(flat(text)).toContain(
      language === 'cs'
        ? 'Objednávku potvrdil(a) Jana Nováková (jana.novakova@zlutoucky-kun.cz) dne 25. 11. 2026 v 14:45'
        : 'Order accepted by Jana Nováková (jana.novakova@zlutoucky-kun.cz) on 25 November 2026 at 14:45',
    );
    expect(flat(text)).toContain('Zapsáno v obchodním rejstříku vedeném Městským soudem v Praze, oddíl C, vložka 123456');
  });

  it('carries a QR code that decodes to exactly spaydOf(order)', () => {
    expect(qrOfPage(file)).toBe(spaydOf(order));
  });
});

describe('renderOrderPdf', { timeout: 30_000 }, () => {
  it('gives the same bytes for the same order', async () => {
    const order = sampleOrder();
    const [first, second] = [await renderOrderPdf(order), await renderOrderPdf(structuredClone(order))];
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  });

  it('flows 60 lines over several pages and loses none of them; the QR code still decodes', async () => {
    const lines: OfferLine[] = Array.from({ length: 60 }, (_, i) => ({
      description: `Řádek ${String(i + 1).padStart(2, '0')}: ${'úprava šablony a textů '.repeat(1 + (i % 4)).trim()} (konec ${i + 1})`,
      quantity: 1 + (i % 7) * 0.5,
      unit: 'h',
      unitPrice: 95_000 + i * 250,
      vatRate: i % 3 === 0 ? 12 : 21,
    }));
    const order = sampleOrder({ lines });
    const file = write(await renderOrderPdf(order));
    const text = flat(rawTextOf(file));
    const pages = pagesOf(file);
    expect(pages).toBeGreaterThan(1);
    for (const line of lines) expect(text).toContain(line.description);
    expect(wordBoxesOf(file).length).toBeGreaterThan(1000);
    expectEveryWordOnThePage(file);
    expect(text).toContain(spaces(formatMoney(order.totals.gross, 'CZK', 'cs')));
    expect(text).toContain(`Strana ${pages} z ${pages}`);
    expect(qrOfPage(file, pages)).toBe(spaydOf(order));
  });

  it('keeps the longest names, descriptions and terms the schemas allow on the page, clipping only the header', async () => {
    const long = (word: string, length: number) => `${word} `.repeat(Math.ceil(length / (word.length + 1))).slice(0, length).trim();
    const order = sampleOrder({
      requestTitle: long('Přepracování', 1500),
      customerName: long('Žluťoučký', 200),
      supplier: { ...sampleSupplier, name: long('Agentura', 200), registration: long('Zapsáno', 200) },
      lines: [
        { description: long('Dlouhý popis položky', 500), quantity: 999_999.999, unit: 'měsíců', unitPrice: 1_000_000_000_000, vatRate: 21 },
        { description: 'x'.repeat(500), quantity: 1, unit: 'ks', unitPrice: 1, vatRate: 0 },
      ],
      terms: long('Podmínka', 5000),
    });
    const file = write(await renderOrderPdf(order));
    expectEveryWordOnThePage(file);
    const text = flat(rawTextOf(file));
    expect(text).toContain('…');
    expect(text.replace(/ /g, '')).toContain('x'.repeat(500));
    const count = (haystack: string, word: string) => haystack.split(word).length - 1;
    expect(count(text, 'Podmínka')).toBe(count(long('Podmínka', 5000), 'Podmínka'));
    expect(qrOfDocument(file)).toBe(spaydOf(order));
  });

  it('prints characters the font lacks as their base letters or ?, and a QR code in EUR', async () => {
    const order = sampleOrder({ language: 'en', currency: 'EUR', customerName: 'Łódź Ɓ Ǆ Software 😀 s.r.o.', requestTitle: 'Web for «Ελλάδα» ∑' });
    const file = write(await renderOrderPdf(order));
    const text = textOf(file);
    expect(text).toContain('Łódź ? DŽ Software ? s.r.o.');
    expect(text).toContain('Web for «??????» ?');
    expect(spaces(text)).toContain(spaces(formatMoney(order.totals.gross, 'EUR', 'en')));
    expect(qrOfPage(file)).toBe(spaydOf(order));
  });

  it('never takes a line break from a single-line field: a name, an address, a title and a line stay on their own line', async () => {
    const order = sampleOrder({
      language: 'cs',
      customerName: 'Krátká s.r.o.\r\nBcc: bv@evil.example',
      requestTitle: 'Web\nDIČ: CZ00000000',
      lines: [{ description: 'Návrh\u2028Sleva 100 %', quantity: 1, unit: 'ks\n', unitPrice: 100, vatRate: 21 }],
    });
    const file = write(await renderOrderPdf(order));
    const lines = spaces(textOf(file)).split('\n');
    const lineWith = (text: string) => lines.find((line) => line.includes(text)) ?? '';
    expect(lineWith('Krátká s.r.o.')).toMatch(/Krátká s\.r\.o\. Bcc: bv@evil\.example/);
    expect(lineWith('Web')).toMatch(/Web DIČ: CZ00000000/);
    expect(lineWith('Návrh')).toMatch(/Návrh Sleva 100 %/);
    expect(lines.filter((line) => line.includes('Bcc'))).toHaveLength(1);
  });

  it('says there is nothing to pay, and shows no QR code, for a free order', async () => {
    const order = sampleOrder({ lines: [{ description: 'Konzultace zdarma', quantity: 1, unit: 'h', unitPrice: 0, vatRate: 21 }] });
    const file = write(await renderOrderPdf(order));
    const text = flat(textOf(file));
    expect(text).toContain('Objednávka je bezplatná, nic se nehradí.');
    expect(text).not.toContain('QR Platba');
    expect(qrOfPage(file) ?? '').toBe('');
  });
});
