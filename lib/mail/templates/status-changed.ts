import type { Action } from '../../domain/lifecycle.js';
import type { RequestStatus } from '../../domain/request.js';
import { preview } from '../plain-text.js';
import type { Strings } from '../strings.js';
import { facts, gistOf, messageBody, paragraph, parts, starRating, statusChange, urlPart, type FactRow } from './parts.js';
import { roundOf, windowSentence } from './review.js';
import { decidesForClient, type Template } from './template.js';

/**
 * The facts the steps bring along in their details: which offer, its total (none for a free
 * one), the order, a payment's amount, an expired offer's validity; a delivery's round, where
 * to see it and its rating. A window's last day is a fact while the step opens it (a handover,
 * an answer); once it passed, the step's sentence says when it ended.
 */
const stepFacts = (action: Action | undefined, details: Record<string, string>, t: Strings, primary: string, client: boolean): FactRow[] => [
  [t.labels.offer, details.number],
  [t.offer.totalInclVat, details.gross === '0' ? undefined : t.money(details.gross, details.currency)],
  [t.amountReceived, t.money(details.amount, details.currency)],
  [t.order.orderNumber, details.orderNumber],
  [t.offer.validUntil, t.day(details.validUntil)],
  [t.review.round, roundOf(details.round)],
  [client ? t.review.reviewBy : t.review.reviewEnds, action === 'hand_over' ? t.day(details.reviewDeadline) : undefined],
  [t.review.link, urlPart(details.link, primary)],
  [t.review.rating, starRating(details.rating, t.review.outOfFive)],
  [t.review.reopenUntil, action === 'explain' ? t.day(details.reopenUntil) : undefined],
];

/** What introduces the note of a step that is the client's answer: a reason, the changes, a comment. */
const noteIntro = (action: Action | undefined, t: Strings): string | undefined =>
  action === 'reject_offer' ? t.declineReason : action === 'request_changes' ? t.review.changesAskedFor : action === 'accept_delivery' ? t.review.acceptanceComment : undefined;

/**
 * A lifecycle step: its name is the headline, the statuses show where it led, a note and its
 * files follow. The steps of offers, payments and reviews add their facts (which offer, the
 * amount, the round) and, last, say what they mean and what comes next (an accepted offer is
 * binding, a payment queues the work, a delivery not reviewed by its day counts as accepted); a
 * client's answer (a declined offer's reason, the changes asked for) is introduced as such. A
 * handover's mail asks the client organisation for the review: the preview leads with its day, the
 * button with the review. The agency and invited participants are told that the client reviews
 * (or may reopen an answer), never asked to: they may not. An invited participant's entry comes
 * without an acceptance's rating and comment (the notifier gives each recipient their view).
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
  const client = decidesForClient(context);
  const stepped = facts(stepFacts(action, details, t, primary, client));
  const notes = client ? [t.actionNotes] : [t.othersNotes, t.actionNotes];
  const meaning = windowSentence(action, details, t, client) ?? (action ? notes.find((table) => Object.hasOwn(table, action))?.[action] : undefined);
  const note = messageBody(entry, primary, primary);
  const intro = note ? noteIntro(action, t) : undefined;
  const count = entry.attachmentIds?.length ?? 0;
  const handover = action === 'hand_over';
  const askReview = handover && client;
  return {
    summary,
    ...parts(
      change,
      stepped.text ? stepped : undefined,
      intro ? paragraph(intro) : undefined,
      note,
      count > 0 && paragraph(t.attachments(count)),
      // What comes next goes last, above the button: after the answer it follows from.
      meaning ? paragraph(meaning) : undefined,
      askReview && paragraph(t.review.howToDecide),
    ),
    preheader: preview(handover && meaning ? meaning : note ? `${change.text}: ${gistOf(entry)}` : meaning ? `${change.text}: ${meaning}` : change.text),
    ...(askReview ? { button: t.review.button } : {}),
  };
};
