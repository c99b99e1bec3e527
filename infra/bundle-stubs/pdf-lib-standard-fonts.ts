/**
 * Stands in for `@pdf-lib/standard-fonts` in the function bundles (the `alias` in
 * infra/bundle-options.ts). That package holds the metrics of PDF's 14 standard fonts (~127 KB
 * minified), which pdf-lib reads only to draw with a standard font (Helvetica and the like). The
 * order PDF never does: every word it draws names one of its own embedded DejaVu subsets
 * (lib/documents/order-pdf.ts, `drawText`), and it has no form fields (whose appearances would).
 * pdf-lib still reads the fonts' names, to tell a standard font's name from font bytes in
 * `embedFont`: they are here, the same 14. Drawing with a standard font throws, saying so.
 */

export const FontNames = {
  Courier: 'Courier',
  CourierBold: 'Courier-Bold',
  CourierOblique: 'Courier-Oblique',
  CourierBoldOblique: 'Courier-BoldOblique',
  Helvetica: 'Helvetica',
  HelveticaBold: 'Helvetica-Bold',
  HelveticaOblique: 'Helvetica-Oblique',
  HelveticaBoldOblique: 'Helvetica-BoldOblique',
  TimesRoman: 'Times-Roman',
  TimesRomanBold: 'Times-Bold',
  TimesRomanItalic: 'Times-Italic',
  TimesRomanBoldItalic: 'Times-BoldItalic',
  Symbol: 'Symbol',
  ZapfDingbats: 'ZapfDingbats',
} as const;

/** Read only together with `Font.load` (pdf-lib's StandardFontEmbedder), which throws first. */
export const Encodings = {};

export const Font = {
  load: (fontName: string): never => {
    throw new Error(`The standard font ${fontName} is left out of the function bundles (infra/bundle-stubs/pdf-lib-standard-fonts.ts): draw with an embedded font`);
  },
};
