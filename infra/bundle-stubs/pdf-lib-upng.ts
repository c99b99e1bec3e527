/**
 * Stands in for `@pdf-lib/upng` in the function bundles (the `alias` in infra/bundle-options.ts):
 * the PNG decoder (~24 KB minified) pdf-lib uses only to embed a PNG image (`embedPng`). The order
 * PDF embeds no image: its QR code is an SVG path of the code's modules (lib/documents/order-pdf.ts).
 * Embedding a PNG throws, saying so.
 */

const leftOut = (): never => {
  throw new Error('PNG images are left out of the function bundles (infra/bundle-stubs/pdf-lib-upng.ts): pdf-lib cannot embed one there');
};

export default { decode: leftOut, toRGBA8: leftOut };
