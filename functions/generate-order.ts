import { fileServiceDeps } from '../lib/wiring/file-service-deps.js';
import { renderOrderPdf } from '../lib/documents/order-pdf.js';
import { createFunctionHandler } from '../lib/lambda/create-function-handler.js';
import { functions } from '../lib/lambda/table.js';
import { generateOrderDocument } from '../lib/services/offers-orders/orders.js';

export const handler = createFunctionHandler(functions.generateOrder)(async ({ event }) => {
  const order = await generateOrderDocument({ ...fileServiceDeps, render: renderOrderPdf }, event.requestId);
  return { requestId: event.requestId, orderNumber: order?.orderNumber, documentKey: order?.document?.key };
});
