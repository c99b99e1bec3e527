import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { renderOrderPdf } from '../../../lib/documents/order-pdf.js';
import type { Order } from '../../../lib/domain/orders/order.js';
import { sampleOrder } from './sample-order.js';

/**
 * The orders order-pdf-bundle.test.ts renders twice: from source, and from a bundle made with the
 * functions' bundling options (as generate-order deploys). Run as a script (the bundle), it writes
 * `<name>.pdf` for each into the dir it is given, and `refusals.json`: what pdf-lib says, in the
 * bundle, to a standard font and to a PNG.
 */
export const bundledOrders = (): Record<string, Order> => ({
  cs: sampleOrder({ language: 'cs' }),
  en: sampleOrder({ language: 'en' }),
  // Characters the font lacks, and a QR code in EUR.
  eur: sampleOrder({ language: 'en', currency: 'EUR', customerName: 'Łódź Ɓ Ǆ Software 😀 s.r.o.', requestTitle: 'Web for «Ελλάδα» ∑ fi ffl' }),
  // Several pages.
  long: sampleOrder({
    lines: Array.from({ length: 40 }, (_, i) => ({ description: `Řádek ${i + 1}: ${'úprava šablony a textů '.repeat(1 + (i % 4)).trim()}`, quantity: 1 + (i % 7) * 0.5, unit: 'h', unitPrice: 95_000 + i * 250, vatRate: i % 3 === 0 ? 12 : 21 })),
  }),
  free: sampleOrder({ lines: [{ description: 'Konzultace zdarma', quantity: 1, unit: 'h', unitPrice: 0, vatRate: 21 }] }),
});

const refusalOf = async (attempt: () => Promise<unknown>): Promise<string> => {
  try {
    await attempt();
    return 'no refusal';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
};

const [, script, dir] = process.argv;
// Only when run itself (the bundle): imported by the test, it does nothing.
if (script !== undefined && dir !== undefined && import.meta.url === pathToFileURL(script).href) {
  for (const [name, order] of Object.entries(bundledOrders())) fs.writeFileSync(path.join(dir, `${name}.pdf`), await renderOrderPdf(order));
  const doc = await PDFDocument.create();
  const onePixelPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==', 'base64');
  const refusals = { standardFont: await refusalOf(() => doc.embedFont(StandardFonts.Helvetica)), png: await refusalOf(() => doc.embedPng(onePixelPng)) };
  fs.writeFileSync(path.join(dir, 'refusals.json'), JSON.stringify(refusals));
}
