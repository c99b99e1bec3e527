import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type Color, type PDFFont, type PDFPage } from 'pdf-lib';
import qrcode from 'qrcode-generator';
import type { Address, BillingDetails } from '../domain/orders/billing.js';
import { formatMoney } from '../domain/orders/money.js';
import type { Order } from '../domain/orders/order.js';
import { spaydOf } from '../domain/orders/spayd.js';
import { pragueDate } from '../domain/time.js';
import { dejaVuSansCondensed } from './fonts/dejavu-sans-condensed.js';
import { dejaVuSansCondensedBold } from './fonts/dejavu-sans-condensed-bold.js';
import { orderStrings, type OrderStrings } from './order-strings.js';

/**
 * The binding order as a PDF: A4, in the order's language, with the lines, the VAT summary, the
 * totals, the terms and the payment details with a QR Platba code (`spaydOf`). One page for a usual
 * order; long tables and terms flow onto further pages, each with the footer and its page number.
 *
 * The font is DejaVu Sans Condensed cut to Latin-1, Latin Extended-A and the punctuation an order
 * uses (`bin/embed-font.ts`), carried as a module so that the bundle holds it. A character it lacks
 * is printed as its unaccented base letter if it has one, or `?`, never as an empty box.
 *
 * Deterministic: the same order gives the same bytes (dates are the order's `issuedAt`, pdf-lib's
 * resource names come from a fixed seed, and no document id is written).
 */

const mm = 72 / 25.4;
const pageWidth = 595.28;
const pageHeight = 841.89;
const left = 16 * mm;
const right = pageWidth - 16 * mm;
const contentWidth = right - left;
const top = pageHeight - 16 * mm;
/** Content stops here; the footer sits below. */
const bottom = 24 * mm;

const ink = rgb(0.11, 0.11, 0.13);
const muted = rgb(0.42, 0.42, 0.46);
const rule = rgb(0.78, 0.78, 0.8);
const shade = rgb(0.94, 0.94, 0.95);
const white = rgb(1, 1, 1);
const black = rgb(0, 0, 0);

/**
 * The QR code's module: QR Platba's appendix 1 sizes a code at (reading distance / 10) × (modules /
 * 25); for a phone held 15 cm away that is 0.6 mm a module (a usual order's 57 modules: 34 mm).
 * Never under 30 mm a side, quiet zone not counted.
 */
const qrModule = 0.6 * mm;
const qrMinSide = 30 * mm;
/** Quiet zone around the code, in modules (ISO/IEC 18004 asks for 4). */
const qrQuietModules = 4;

const fontBytes = { regular: Buffer.from(dejaVuSansCondensed, 'base64'), bold: Buffer.from(dejaVuSansCondensedBold, 'base64') };
/** The characters the embedded fonts have (both have the same). */
let fontCharacters: ReadonlySet<number> | undefined;

interface Style {
  font: PDFFont;
  size: number;
  color?: Color;
}

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** `text` with only characters the font has: others become their compatibility form (NFKC: `Ǆ` → `DŽ`) or base letter (NFKD, marks dropped), white space a space, or `?`. */
const printable = (text: string): string => {
  const has = (character: string) => fontCharacters!.has(character.codePointAt(0)!);
  let out = '';
  for (const character of text.toWellFormed().normalize('NFC')) {
    if (has(character)) out += character;
    else if (/\s/u.test(character)) out += ' ';
    else if (/[\p{Cc}\p{Cf}]/u.test(character)) continue;
    else {
      const compatible = character.normalize('NFKC');
      const base = character.normalize('NFKD').replace(/\p{M}/gu, '');
      out += [...compatible].every(has) ? compatible : base !== '' && [...base].every(has) ? base : '?';
    }
  }
  return out;
};

/**
 * A single-line field (a name, an address line, a title, an offer line's description) as one
 * line: any line break or other control character it holds becomes a space, so no field can add
 * a line of its own to the document (a second "IČO:" under the customer, say). The API refuses
 * such characters in these fields; this holds for whatever was stored before it did.
 */
const oneLine = (text: string): string => text.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ');

const widthOf = (text: string, style: Style) => style.font.widthOfTextAtSize(text, style.size);

/** One line of text (no line breaks), left-aligned at `x` or right-aligned to it. */
const drawText = (page: PDFPage, text: string, x: number, y: number, style: Style, align: 'left' | 'right' = 'left') => {
  const line = printable(text).replace(/ {2,}/g, ' ');
  if (line === '') return;
  page.drawText(line, { x: align === 'right' ? x - widthOf(line, style) : x, y, font: style.font, size: style.size, color: style.color ?? ink });
};

const graphemes = new Intl.Segmenter('cs', { granularity: 'grapheme' });

/** Text broken into lines no wider than `width`: at spaces, and inside a word only when the word alone is wider. Line breaks in the text are kept. */
const wrapText = (text: string, style: Style, width: number): string[] => {
  const lines: string[] = [];
  const space = widthOf(' ', style);
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    const words = printable(paragraph).split(' ').filter(Boolean);
    let line = '';
    let lineWidth = 0;
    for (const word of words) {
      const wordWidth = widthOf(word, style);
      if (line !== '' && lineWidth + space + wordWidth <= width) {
        line += ` ${word}`;
        lineWidth += space + wordWidth;
        continue;
      }
      if (line !== '') lines.push(line);
      line = '';
      lineWidth = 0;
      if (wordWidth <= width) {
        line = word;
        lineWidth = wordWidth;
        continue;
      }
      for (const { segment } of graphemes.segment(word)) {
        const segmentWidth = widthOf(segment, style);
        if (line !== '' && lineWidth + segmentWidth > width) {
          lines.push(line);
          line = '';
          lineWidth = 0;
        }
        line += segment;
        lineWidth += segmentWidth;
      }
    }
    lines.push(line);
  }
  while (lines.length > 1 && lines.at(-1) === '') lines.pop();
  return lines;
};

/** A single-line field wrapped to at most `maxLines` lines: a longer text ends its last line with `…`. */
const wrapClipped = (text: string, style: Style, width: number, maxLines: number): string[] => {
  const lines = wrapText(oneLine(text), style, width);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept.at(-1)!;
  while (last !== '' && widthOf(`${last}…`, style) > width) last = [...graphemes.segment(last)].slice(0, -1).map((g) => g.segment).join('');
  kept[maxLines - 1] = `${last.trimEnd()}…`;
  return kept;
};

// ---- formats ---------------------------------------------------------------------------------

const locales = { cs: 'cs-CZ', en: 'en-GB' } as const;

const formatsOf = (language: Order['language']) => {
  const locale = locales[language];
  const day = new Intl.DateTimeFormat(locale, language === 'cs' ? { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' } : { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Prague' });
  const quantity = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
  const regions = new Intl.DisplayNames([locale], { type: 'region' });
  return {
    /** A calendar day (`2026-12-09`) as people write it: `9. 12. 2026`, `9 December 2026`. */
    day: (calendarDay: string) => day.format(new Date(`${calendarDay}T12:00:00Z`)),
    /** The Prague wall-clock time of an instant: `14:45`. */
    time: (instant: Date) => time.format(instant),
    quantity: (value: number, unit: string) => `${quantity.format(value)} ${unit}`,
    rate: (percentValue: number) => percent.format(percentValue / 100),
    country: (code: string) => regions.of(code) ?? code,
  };
};

type Formats = ReturnType<typeof formatsOf>;

// ---- layout ----------------------------------------------------------------------------------

/** Pages and a cursor moving down them; a block that doesn't fit below the cursor starts a new page. */
class Layout {
  readonly pages: PDFPage[] = [];
  y = top;
  /** Drawn at the top of every page after the first (the table's header, while a table is being drawn). */
  onNewPage: ((page: PDFPage) => void) | undefined;

  constructor(
    private readonly doc: PDFDocument,
    private readonly continuation: (page: PDFPage) => number,
  ) {
    this.pages.push(doc.addPage([pageWidth, pageHeight]));
  }

  get page(): PDFPage {
    return this.pages.at(-1)!;
  }

  /** Makes room for `height` below the cursor, on a new page if it's not there; true when it took a new page. */
  ensure(height: number): boolean {
    if (this.y - height >= bottom) return false;
    const page = this.doc.addPage([pageWidth, pageHeight]);
    this.pages.push(page);
    this.y = this.continuation(page);
    this.onNewPage?.(page);
    return true;
  }
}

// ---- the document ----------------------------------------------------------------------------

export const renderOrderPdf = async (order: Order): Promise<Uint8Array> => {
  const t = orderStrings[order.language];
  const f = formatsOf(order.language);
  const issuedAt = new Date(order.issuedAt);
  const money = (minor: number) => formatMoney(minor, order.currency, order.language);

  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const fonts: Fonts = {
    regular: await doc.embedFont(fontBytes.regular, { subset: true, customName: 'ODBOOK+OrderDeskSans-Book' }),
    bold: await doc.embedFont(fontBytes.bold, { subset: true, customName: 'ODBOLD+OrderDeskSans-Bold' }),
  };
  fontCharacters ??= new Set(fonts.regular.getCharacterSet());

  const title = `${t.title} ${order.orderNumber}`;
  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setAuthor(order.supplier.name);
  doc.setSubject(t.subject(order.requestId, order.requestTitle));
  doc.setKeywords([order.orderNumber, order.requestId, order.variableSymbol]);
  doc.setLanguage(locales[order.language]);
  doc.setCreator('orderdesk');
  doc.setProducer('orderdesk (pdf-lib)');
  doc.setCreationDate(issuedAt);
  doc.setModificationDate(issuedAt);

  const s = {
    title: { font: fonts.bold, size: 18 },
    subtitle: { font: fonts.regular, size: 10 },
    heading: { font: fonts.bold, size: 8, color: muted },
    name: { font: fonts.bold, size: 10 },
    body: { font: fonts.regular, size: 9 },
    bodyBold: { font: fonts.bold, size: 9 },
    small: { font: fonts.regular, size: 7.5, color: muted },
    cell: { font: fonts.regular, size: 8.5 },
    cellHead: { font: fonts.bold, size: 7.5, color: muted },
    total: { font: fonts.bold, size: 12 },
  } satisfies Record<string, Style>;

  const continuation = (page: PDFPage): number => {
    drawText(page, `${title} (${t.continued})`, left, top - 8, s.small);
    page.drawLine({ start: { x: left, y: top - 13 }, end: { x: right, y: top - 13 }, thickness: 0.5, color: rule });
    return top - 28;
  };
  const layout = new Layout(doc, continuation);

  drawHeader(layout, order, t, f, s, title);
  drawParties(layout, order, t, f, s);
  drawLines(layout, order, t, f, s, money);
  drawTotals(layout, order, t, f, s, money);
  drawPayment(layout, order, t, f, s, money);
  drawParagraph(layout, t.delivery, oneLine(order.deliveryEstimate), s);
  if (order.terms.trim() !== '') drawParagraph(layout, t.terms, order.terms, s);
  drawAcceptance(layout, order, t, f, s);
  drawFooters(layout, order, t, s);

  return doc.save();
};

type Styles = Record<'title' | 'subtitle' | 'heading' | 'name' | 'body' | 'bodyBold' | 'small' | 'cell' | 'cellHead' | 'total', Style>;

const drawHeader = (layout: Layout, order: Order, t: OrderStrings, f: Formats, s: Styles, title: string) => {
  const { page } = layout;
  const metaWidth = 175;
  const meta: [string, string][] = [
    [t.issued, f.day(pragueDate(new Date(order.issuedAt)))],
    [t.due, f.day(order.dueDate)],
    [t.variableSymbol, order.variableSymbol],
  ];
  let y = top - 14;
  drawText(page, title, left, y, s.title);
  const subtitleWidth = contentWidth - metaWidth - 16;
  y -= 18;
  for (const line of wrapClipped(`${t.request} ${order.requestId}: ${order.requestTitle}`, s.subtitle, subtitleWidth, 3)) {
    drawText(page, line, left, y, s.subtitle);
    y -= 13;
  }
  let metaY = top - 10;
  for (const [label, value] of meta) {
    drawText(page, label, right - metaWidth, metaY, s.small);
    drawText(page, value, right, metaY, s.bodyBold, 'right');
    metaY -= 13;
  }
  layout.y = Math.min(y, metaY) - 6;
  page.drawLine({ start: { x: left, y: layout.y }, end: { x: right, y: layout.y }, thickness: 0.75, color: rule });
  layout.y -= 18;
};

const addressLines = (party: BillingDetails, f: Formats): string[] => {
  const address: Address = party.address;
  return [address.street, `${address.postalCode} ${address.city}`, f.country(address.country)];
};

const drawParties = (layout: Layout, order: Order, t: OrderStrings, f: Formats, s: Styles) => {
  const columnWidth = (contentWidth - 24) / 2;
  const column = (x: number, heading: string, party: BillingDetails, extra: string[]): number => {
    const { page } = layout;
    let y = layout.y;
    drawText(page, heading.toUpperCase(), x, y, s.heading);
    y -= 14;
    for (const line of wrapClipped(party.name, s.name, columnWidth, 3)) {
      drawText(page, line, x, y, s.name);
      y -= 12.5;
    }
    y -= 1;
    const rows = [...addressLines(party, f)];
    for (const line of rows) {
      for (const wrapped of wrapClipped(line, s.body, columnWidth, 2)) {
        drawText(page, wrapped, x, y, s.body);
        y -= 11.5;
      }
    }
    y -= 3;
    const ids: [string, string | undefined][] = [
      [t.ico, party.ico],
      [t.dic, party.dic],
    ];
    const valueX = x + Math.max(...ids.map(([label]) => widthOf(`${label}:`, s.small))) + 8;
    for (const [label, value] of ids) {
      if (!value) continue;
      drawText(page, `${label}:`, x, y, s.small);
      drawText(page, value, valueX, y, s.body);
      y -= 11.5;
    }
    for (const line of extra) {
      drawText(page, line, x, y, s.small);
      y -= 10.5;
    }
    return y;
  };
  const supplierExtra = [order.supplier.email, order.supplier.web].filter((value): value is string => Boolean(value));
  const yLeft = column(left, t.supplier, order.supplier, supplierExtra);
  const yRight = column(left + columnWidth + 24, t.customer, order.customer, []);
  layout.y = Math.min(yLeft, yRight) - 14;
};

type Money = (minor: number) => string;

/** Right edges of columns as wide as their widest cell (plus a gap), ending at `end`, last column first. */
const columnEdges = (widths: number[], end: number, gap: number): number[] => {
  const edges: number[] = [];
  let edge = end;
  for (let i = widths.length - 1; i >= 0; i--) {
    edges[i] = edge;
    edge -= widths[i]! + gap;
  }
  return edges;
};

const widest = (texts: string[], style: Style) => Math.max(0, ...texts.map((text) => widthOf(printable(text), style)));

const drawLines = (layout: Layout, order: Order, t: OrderStrings, f: Formats, s: Styles, money: Money) => {
  const lineHeight = 11;
  const headHeight = 17;
  const cells = order.lines.map((line, index) => [
    f.quantity(line.quantity, line.unit),
    money(line.unitPrice),
    f.rate(line.vatRate),
    money(order.totals.lineNets[index] ?? 0),
  ]);
  const heads = [t.lines.quantity, t.lines.unitPrice, t.lines.vatRate, t.lines.net];
  const widths = heads.map((head, column) => Math.max(widthOf(head, s.cellHead), widest(cells.map((row) => row[column]!), s.cell)));
  const edges = columnEdges(widths, right - 4, 16);
  const descriptionWidth = edges[0]! - widths[0]! - 16 - (left + 4);

  const drawHead = (page: PDFPage) => {
    const y = layout.y;
    page.drawRectangle({ x: left, y: y - headHeight, width: contentWidth, height: headHeight, color: shade });
    const baseline = y - 11.5;
    drawText(page, t.lines.description, left + 4, baseline, s.cellHead);
    heads.forEach((head, column) => drawText(page, head, edges[column]!, baseline, s.cellHead, 'right'));
    layout.y = y - headHeight;
  };

  layout.ensure(headHeight + lineHeight * 2 + 8);
  drawHead(layout.page);
  layout.onNewPage = drawHead;
  order.lines.forEach((line, index) => {
    const description = wrapText(oneLine(line.description), s.cell, descriptionWidth);
    const rowHeight = description.length * lineHeight + 7;
    layout.ensure(rowHeight);
    const { page } = layout;
    let baseline = layout.y - 12;
    cells[index]!.forEach((cell, column) => drawText(page, cell, edges[column]!, baseline, s.cell, 'right'));
    for (const text of description) {
      drawText(page, text, left + 4, baseline, s.cell);
      baseline -= lineHeight;
    }
    layout.y -= rowHeight;
    page.drawLine({ start: { x: left, y: layout.y }, end: { x: right, y: layout.y }, thickness: 0.4, color: rule });
  });
  layout.onNewPage = undefined;
  layout.y -= 16;
};

const drawTotals = (layout: Layout, order: Order, t: OrderStrings, f: Formats, s: Styles, money: Money) => {
  const vatTotal = order.totals.vat.reduce((sum, row) => sum + row.vat, 0);
  const rowHeight = 12;

  // The VAT summary: columns as wide as their cells.
  const heads = [t.vatRecap.rate, t.vatRecap.base, t.vatRecap.vat, t.vatRecap.gross];
  const cells = order.totals.vat.map((row) => [f.rate(row.rate), money(row.base), money(row.vat), money(row.base + row.vat)]);
  const widths = heads.map((head, column) => Math.max(widthOf(head, s.cellHead), widest(cells.map((row) => row[column]!), s.cell)));
  const recapWidth = widths.reduce((sum, width) => sum + width + 16, -16) + 4;
  const edges = columnEdges(widths, left + recapWidth, 16);
  const recapHeight = 14 + 16 + cells.length * rowHeight;

  // The totals: labels and amounts, the gross larger.
  const totals: [string, string, Style][] = [
    [t.totalNet, money(order.totals.net), s.body],
    [t.totalVat, money(vatTotal), s.body],
  ];
  const gross = money(order.totals.gross);
  const totalsWidth = Math.max(
    ...totals.map(([label, value]) => widthOf(label, s.body) + 24 + widthOf(value, s.body)),
    widthOf(t.totalGross, s.total) + 24 + widthOf(gross, s.total),
  ) + 10;
  const totalsHeight = totals.length * 14 + 28;
  const sideBySide = recapWidth + 32 + totalsWidth <= contentWidth;
  layout.ensure(sideBySide ? Math.max(recapHeight, totalsHeight) : recapHeight + totalsHeight + 12);

  const { page } = layout;
  let y = layout.y;
  drawText(page, t.vatRecap.title.toUpperCase(), left, y, s.heading);
  y -= 14;
  heads.forEach((head, column) => drawText(page, head, edges[column]!, y, s.cellHead, 'right'));
  page.drawLine({ start: { x: left, y: y - 4 }, end: { x: left + recapWidth, y: y - 4 }, thickness: 0.4, color: rule });
  y -= 16;
  for (const row of cells) {
    row.forEach((cell, column) => drawText(page, cell, edges[column]!, y, s.cell, 'right'));
    y -= rowHeight;
  }

  let ty = sideBySide ? layout.y : y - 12;
  const labelX = right - totalsWidth;
  for (const [label, value, style] of totals) {
    drawText(page, label, labelX, ty, style);
    drawText(page, value, right - 4, ty, style, 'right');
    ty -= 14;
  }
  ty += 5;
  page.drawRectangle({ x: labelX - 6, y: ty - 21, width: right - labelX + 6, height: 21, color: shade });
  ty -= 15;
  drawText(page, t.totalGross, labelX, ty, s.total);
  drawText(page, gross, right - 4, ty, s.total, 'right');
  ty -= 10;

  layout.y = Math.min(y, ty) - 16;
};

const drawPayment = (layout: Layout, order: Order, t: OrderStrings, f: Formats, s: Styles, money: Money) => {
  if (order.totals.gross === 0) {
    layout.ensure(30);
    drawText(layout.page, t.nothingToPay, left, layout.y - 10, s.bodyBold);
    layout.y -= 30;
    return;
  }
  const code = qrcode(0, 'M');
  // Byte mode, UTF-8 (the standard's character set): the library takes one character per byte.
  code.addData(String.fromCharCode(...new TextEncoder().encode(spaydOf(order))), 'Byte');
  code.make();
  const modules = code.getModuleCount();
  const moduleSize = Math.max(qrModule, qrMinSide / modules);
  const qrTotal = (modules + 2 * qrQuietModules) * moduleSize;
  // Details, on the left: label, value (up to two lines), the amount larger.
  const x = left + 12;
  const valueX = x + 100;
  const valueWidth = right - 12 - qrTotal - 12 - valueX;
  const rows = (
    [
      [t.amount, money(order.totals.gross), s.total],
      [t.due, f.day(order.dueDate), s.bodyBold],
      [t.variableSymbol, order.variableSymbol, s.bodyBold],
      [t.iban, order.supplier.iban.replace(/(.{4})(?=.)/g, '$1 '), s.body],
      [t.bic, order.supplier.bic, s.body],
      [t.supplier, order.supplier.name, s.body],
    ] as const
  )
    .filter(([, value]) => value)
    .map(([label, value, style]) => ({ label, style, lines: wrapClipped(value!, style, valueWidth, 2), gap: style === s.total ? 18 : 14 }));
  const detailsHeight = 36 + rows.reduce((sum, row) => sum + (row.lines.length - 1) * (row.style.size + 3) + row.gap, 0);
  const boxHeight = Math.max(qrTotal + 26, detailsHeight);
  layout.ensure(boxHeight + 8);
  const { page } = layout;
  const boxTop = layout.y;
  page.drawRectangle({ x: left, y: boxTop - boxHeight, width: contentWidth, height: boxHeight, borderColor: rule, borderWidth: 0.75 });

  let y = boxTop - 18;
  drawText(page, t.payment.toUpperCase(), x, y, s.heading);
  y -= 18;
  for (const { label, style, lines, gap } of rows) {
    drawText(page, label, x, y, s.small);
    lines.forEach((line, i) => drawText(page, line, valueX, y - i * (style.size + 3), style));
    y -= (lines.length - 1) * (style.size + 3) + gap;
  }

  // The code, on the right, with its quiet zone, label and hint.
  const qrLeft = right - 12 - qrTotal;
  const qrTop = boxTop - 6;
  page.drawRectangle({ x: qrLeft, y: qrTop - qrTotal, width: qrTotal, height: qrTotal, color: white });
  let path = '';
  for (let row = 0; row < modules; row++) {
    for (let col = 0; col < modules; col++) {
      if (!code.isDark(row, col)) continue;
      let run = 1;
      while (col + run < modules && code.isDark(row, col + run)) run++;
      path += `M${col} ${row}h${run}v1h-${run}z`;
      col += run - 1;
    }
  }
  const quiet = qrQuietModules * moduleSize;
  page.drawSvgPath(path, { x: qrLeft + quiet, y: qrTop - quiet, scale: moduleSize, color: black, borderWidth: 0 });
  const labelY = qrTop - qrTotal - 6;
  const centre = qrLeft + qrTotal / 2;
  drawText(page, t.qrLabel, centre - widthOf(t.qrLabel, s.bodyBold) / 2, labelY, s.bodyBold);
  drawText(page, t.qrHint, centre - widthOf(t.qrHint, s.small) / 2, labelY - 10, s.small);

  layout.y = boxTop - boxHeight - 18;
};

/** A labelled text that may flow onto the next pages, line by line; its paragraphs a little apart. */
const drawParagraph = (layout: Layout, label: string, text: string, s: Styles) => {
  const lineHeight = 11.5;
  const paragraphs = text
    .split(/\r\n|\r|\n/)
    .filter((paragraph) => paragraph.trim() !== '')
    .map((paragraph) => wrapText(paragraph, s.body, contentWidth));
  layout.ensure(14 + Math.min(paragraphs[0]?.length ?? 0, 3) * lineHeight);
  drawText(layout.page, label.toUpperCase(), left, layout.y, s.heading);
  layout.y -= 14;
  paragraphs.forEach((lines, index) => {
    if (index > 0) layout.y -= 4;
    for (const line of lines) {
      layout.ensure(lineHeight);
      drawText(layout.page, line, left, layout.y, s.body);
      layout.y -= lineHeight;
    }
  });
  layout.y -= 10;
};

const drawAcceptance = (layout: Layout, order: Order, t: OrderStrings, f: Formats, s: Styles) => {
  const who = order.acceptedBy.email ? `${order.acceptedBy.name} (${order.acceptedBy.email})` : order.acceptedBy.name;
  const issuedAt = new Date(order.issuedAt);
  const sentence = t.accepted(who, f.day(pragueDate(issuedAt)), f.time(issuedAt));
  const lines = wrapText(sentence, s.body, contentWidth);
  layout.ensure(lines.length * 11.5 + 8);
  layout.y -= 4;
  layout.page.drawLine({ start: { x: left, y: layout.y + 10 }, end: { x: right, y: layout.y + 10 }, thickness: 0.4, color: rule });
  for (const line of lines) {
    layout.y -= 2;
    drawText(layout.page, line, left, layout.y - 8, s.body);
    layout.y -= 11.5;
  }
};

const drawFooters = (layout: Layout, order: Order, t: OrderStrings, s: Styles) => {
  const { supplier } = order;
  const text = [supplier.name, supplier.registration].filter(Boolean).join(' · ');
  const pageLabelWidth = 70;
  const lines = wrapClipped(text, s.small, contentWidth - pageLabelWidth - 12, 3);
  layout.pages.forEach((page, index) => {
    const y = bottom - 18;
    page.drawLine({ start: { x: left, y: y + 12 }, end: { x: right, y: y + 12 }, thickness: 0.5, color: rule });
    lines.forEach((line, i) => drawText(page, line, left, y - i * 9, s.small));
    drawText(page, t.page(index + 1, layout.pages.length), right, y, s.small, 'right');
    drawText(page, order.orderNumber, right, y - 9, s.small, 'right');
  });
};
