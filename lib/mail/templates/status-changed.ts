import type { Action } from '../../domain/lifecycle.js';
import type { RequestStatus } from '../../domain/request.js';
import { preview } from '../plain-text.js';
import type { Strings } from '../strings.js';
import { facts, gistOf, messageBody, paragraph, parts, statusChange, type FactRow } from './parts.js';
import type { Template } from './template.js';

/**
 * The facts the steps of offers and payments bring along in their details: which offer, its
 * total (none for a free one), the order, a payment's amount, an expired offer's validity.
 */
const stepFacts = (details: Record<string, string>, t: Strings): FactRow[] => [
  [t.labels.offer, details.number],
  [t.offer.totalInclVat, details.gross === '0' ? undefined : t.money(details.gross, details.currency)],
  [t.amountReceived, t.money(details.amount, details.currency)],
  [t.order.orderNumber, details.orderNumber],
  [t.offer.validUntil, t.day(details.validUntil)],
];

/**
 * A lifecycle step: its name is the headline, the statuses show where it led, a note follows.
 * The steps of offers and payments add their facts (which offer, the amount) and say what they
 * mean and what comes next (an accepted offer is binding, a payment queues the work); a declined
 * offer's note is the client's reason, and says so.
 */
export const statusChanged: Template = ({ context, t, primary }) => {
  const { entry, request } = context;
  const details = entry.details ?? {};
  const action = details.action as Action | undefined;
  const status = (value: string | undefined) => (value ? (t.statuses[value as RequestStatus] ?? value) : undefined);
  const summary = (action && t.actions[action]) || t.summaries.status_changed;
  const from = status(details.from);
  const to = status(details.to) ?? t.statuses[request.status];
  const change = statusChange(from, to, primary);
  const stepped = facts(stepFacts(details, t));
  const meaning = action && Object.hasOwn(t.actionNotes, action) ? t.actionNotes[action] : undefined;
  const note = messageBody(entry, primary, primary);
  return {
    summary,
    ...parts(change, stepped.text ? stepped : undefined, meaning ? paragraph(meaning) : undefined, action === 'reject_offer' && note && paragraph(t.declineReason), note),
    preheader: preview(note ? `${change.text}: ${gistOf(entry)}` : meaning ? `${change.text}: ${meaning}` : change.text),
  };
};
