import qrcode from 'qrcode-generator';
import { spaydOf, type PayableOrder } from '../../../../lib/domain/orders/spayd.js';

/**
 * The order's QR Platba code, drawn in the browser from the same SPAYD string the order's PDF
 * carries (lib/domain/orders/spayd.ts), as one SVG path: no image to fetch, no inline style.
 */
export const QrPlatba = ({ order, label }: { order: PayableOrder; label: string }) => {
  const code = qrcode(0, 'M');
  // Byte mode, UTF-8 (the standard's character set): the library takes one character per byte, as in the PDF.
  code.addData(String.fromCharCode(...new TextEncoder().encode(spaydOf(order))), 'Byte');
  code.make();
  const modules = code.getModuleCount();
  const quiet = 4;
  let path = '';
  for (let row = 0; row < modules; row++)
    for (let column = 0; column < modules; column++) if (code.isDark(row, column)) path += `M${column + quiet} ${row + quiet}h1v1h-1z`;
  const side = modules + 2 * quiet;
  return (
    <svg class="qr-platba" role="img" aria-label={label} viewBox={`0 0 ${side} ${side}`} shape-rendering="crispEdges" xmlns="http://www.w3.org/2000/svg">
      <rect width={side} height={side} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
};
