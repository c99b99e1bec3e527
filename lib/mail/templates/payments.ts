import { preview } from '../plain-text.js';
import type { Strings } from '../strings.js';
import { amountPanel, callout, facts, groupedIban, internalAccent, messageBody, paragraph, parts, type Part } from './parts.js';
import { decidesForClient, type Template } from './template.js';

/** What to pay, by when and where: the amount large, then the due date and the bank details to type. */
const paymentPanel = (details: Record<string, string>, t: Strings, color: string, withOrderNumber: boolean): Part =>
  amountPanel({
    caption: t.order.amountToPay,
    amount: t.money(details.gross, details.currency),
    rows: [
      [t.order.dueDate, t.day(details.dueDate)],
      [t.order.variableSymbol, details.variableSymbol],
      [t.order.iban, groupedIban(details.iban)],
      [t.order.orderNumber, withOrderNumber ? details.orderNumber : undefined],
    ],
    color,
  });

/**
 * The binding order after an acceptance, its PDF attached by the notifier (details: orderNumber,
 * gross, currency, dueDate, variableSymbol, iban, documentKey, fileName, acceptedBy): what to pay,
 * by when and where, and that the PDF has a QR Platba code. The client organisation is asked to
 * pay; the agency is told that the client pays.
 */
export const orderIssued: Template = ({ context, t, primary }) => {
  const details = context.entry.details ?? {};
  const orderNumber = details.orderNumber ?? '';
  const amount = t.money(details.gross, details.currency);
  const due = t.day(details.dueDate);
  return {
    summary: t.summaries.order_issued,
    ...parts(
      paragraph(t.order.attached(orderNumber)),
      paymentPanel(details, t, primary, false),
      paragraph(decidesForClient(context) ? `${t.order.payByTransfer} ${t.order.qrInAttachment}` : `${t.order.clientPays} ${t.order.qrForClient}`),
      paragraph(t.order.queuedOnPayment),
    ),
    preheader: preview([orderNumber, amount && `${t.order.amountToPay}: ${amount}`, due && `${t.order.dueDate}: ${due}`].filter(Boolean).join(' · ')),
  };
};

/**
 * The workflow, on the due date of an unpaid order (details: orderNumber, gross, currency, dueDate,
 * variableSymbol, iban, acceptedBy). The client organisation is asked to pay; the agency is told
 * that the client pays, and that it records a payment the bank statement shows.
 */
export const paymentReminder: Template = ({ context, t, primary }) => {
  const details = context.entry.details ?? {};
  const due = t.day(details.dueDate);
  const sentence = due ? t.order.reminder(details.orderNumber ?? '', due) : t.summaries.payment_reminder;
  const client = decidesForClient(context);
  return {
    summary: t.summaries.payment_reminder,
    ...parts(
      paragraph(sentence),
      paymentPanel(details, t, primary, true),
      paragraph(client ? t.order.payByTransfer : t.order.clientPays),
      paragraph(client ? t.order.alreadyPaid : t.order.recordIfPaid),
    ),
    preheader: preview(sentence),
  };
};

/** A table's words for a key the details hold; a key it does not know is shown as it came (never a property of the object). */
const words = <K extends string>(table: Record<K, string>, key: string) => (Object.hasOwn(table, key) ? table[key as K] : key);

/**
 * Agency only: a payment did not match the order and was not taken as paid (details: paymentId,
 * expected, expectedCurrency, received, receivedCurrency, reason, source).
 */
export const paymentFlagged: Template = ({ context, t }) => {
  const { paymentId, expected, expectedCurrency, received, receivedCurrency, reason = '', source = '' } = context.entry.details ?? {};
  const sentence = t.flagged.why(t.money(received, receivedCurrency) ?? '?', t.money(expected, expectedCurrency) ?? '?', words(t.flagged.reasons, reason));
  return {
    summary: t.summaries.payment_flagged,
    ...parts(
      callout(t.flagged.internal, 'internal'),
      callout(sentence, 'warning'),
      facts([
        [t.flagged.payment, paymentId],
        [t.flagged.source, words(t.flagged.sources, source)],
      ]),
      paragraph(t.flagged.whatNow),
    ),
    preheader: preview(sentence),
  };
};

/**
 * Agency only: agency staff resolved a flagged payment (details: paymentId, received,
 * receivedCurrency, reason, source); the body is their note, what was done about it.
 */
export const paymentResolved: Template = ({ context, t, primary }) => {
  const { entry } = context;
  const { paymentId = '', received, receivedCurrency, reason = '' } = entry.details ?? {};
  const sentence = t.flagged.resolved(entry.actorName, paymentId, t.money(received, receivedCurrency) ?? '?', words(t.flagged.reasons, reason));
  return {
    summary: t.summaries.payment_resolved,
    ...parts(callout(t.flagged.internal, 'internal'), paragraph(sentence), messageBody(entry, internalAccent, primary)),
    preheader: preview(sentence),
  };
};
