import { system } from '../../domain/actor.js';
import { ConflictError, NotFoundError } from '../../domain/errors.js';
import { sha256Hex } from '../../domain/canonical.js';
import { orderFileName, paymentDetailsOf, type Order } from '../../domain/orders/order.js';
import type { Payment } from '../../domain/orders/payment.js';
import { orderPrefix } from '../../config/access.js';
import type { Caller, FileServiceDeps, OrderDocumentDeps } from '../ports/deps.js';
import { openCallerRequest } from '../requests/open-request.js';
import { newEntry } from '../requests/timeline.js';

/** How long an order's download link works. */
const downloadSeconds = 5 * 60;

/** Where an order's PDF is kept. */
export const orderDocumentKey = (order: Pick<Order, 'requestId' | 'orderNumber'>) => `${orderPrefix}${order.requestId}/${orderFileName(order)}`;

/**
 * Renders an order's PDF, stores it, and writes the `order_issued` entry (whose mail carries the
 * PDF) with the document's reference, once: a repeat finds the document there and does nothing;
 * a concurrent one loses the conditional write and leaves the first one's entry.
 */
export const generateOrderDocument = async (deps: OrderDocumentDeps, requestId: string): Promise<Order | undefined> => {
  const order = await deps.orders.get(requestId);
  if (!order || order.document) return order;
  const pdf = await deps.render(order);
  const key = orderDocumentKey(order);
  await deps.files.put(key, pdf, 'application/pdf');
  const document = { key, sha256: sha256Hex(pdf), size: pdf.byteLength, fileName: orderFileName(order) };
  const at = deps.now().toISOString();
  const entry = newEntry(deps, system('workflow'), requestId, at, {
    kind: 'order_issued',
    details: { ...paymentDetailsOf(order), documentKey: key, fileName: document.fileName },
  });
  try {
    await deps.unitOfWork.commit([deps.orders.attachDocument(order, document), deps.timeline.append(entry)]);
    deps.metrics.count('OrdersIssued');
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
  }
  return { ...order, document };
};

export interface OrderView {
  order: Order;
  payments: Payment[];
  /** A short-lived link to the PDF, once it is made. */
  download?: { url: string; expiresAt: string; fileName: string };
}

/** A request's order, its payments and its PDF: for the organisation's people and the agency, not for invited participants. */
export const getOrder = async (deps: FileServiceDeps, caller: Caller, requestId: string): Promise<OrderView> => {
  const { level } = await openCallerRequest(deps, caller, requestId);
  // An order states the client's billing details: it is the organisation's business document.
  if (level === 'participant') throw new NotFoundError(`The order of request ${requestId}`);
  const [order, payments] = await Promise.all([deps.orders.get(requestId), deps.payments.list(requestId)]);
  if (!order) throw new NotFoundError(`The order of request ${requestId}`);
  const shownPayments = level === 'agency' ? payments : payments.filter((payment) => payment.matched);
  if (!order.document) return { order, payments: shownPayments };
  const expiresAt = new Date(deps.now().getTime() + downloadSeconds * 1000).toISOString();
  const url = await deps.files.presignDownload(order.document.key, order.document.fileName, downloadSeconds);
  return { order, payments: shownPayments, download: { url, expiresAt, fileName: order.document.fileName } };
};

