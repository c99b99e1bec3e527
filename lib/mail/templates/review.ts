import type { Action } from '../../domain/lifecycle.js';
import { preview } from '../plain-text.js';
import type { Strings } from '../strings.js';
import { amountPanel, paragraph, parts } from './parts.js';
import { decidesForClient, type Template } from './template.js';

/** A review round ("1", "2", …), or nothing if the details hold anything else: it goes into sentences. */
export const roundOf = (value: string | undefined): string | undefined => (value !== undefined && /^\d{1,6}$/.test(value) ? value : undefined);

/**
 * The sentence of a step that opens or ends a window, with the window's last day: review the
 * delivery by then (a handover), it passed without an answer (a deemed acceptance), reopen the
 * answer by then (an explanation), nobody did (the workflow's close); and the next round after a
 * request for changes. Undefined when the details lack the day (the step's static note stands
 * in) and for every other step: a client or agent closing by hand has no `reopenUntil`. To
 * someone who does not decide for the client (`client` false), the client reviews or may reopen.
 */
export const windowSentence = (action: Action | undefined, details: Record<string, string>, t: Strings, client: boolean): string | undefined => {
  const round = roundOf(details.round);
  switch (action) {
    case 'hand_over': {
      const deadline = t.day(details.reviewDeadline);
      return deadline ? (client ? t.review.handedOver : t.review.clientReviews)(round, deadline) : undefined;
    }
    case 'deem_accepted': {
      const deadline = t.day(details.reviewDeadline);
      return deadline ? t.review.deemed(deadline) : undefined;
    }
    case 'request_changes':
      return round ? t.review.changesRequested(String(Number(round) + 1)) : undefined;
    case 'explain': {
      const until = t.day(details.reopenUntil);
      return until ? (client ? t.review.explained : t.review.clientMayReopen)(until) : undefined;
    }
    case 'close': {
      const until = t.day(details.reopenUntil);
      return until ? t.review.closedUnopened(until) : undefined;
    }
    default:
      return undefined;
  }
};

/**
 * The workflow, two days before and on the last day of a review window the client has not
 * answered (details: round, reviewDeadline). The sentence says until when and what silence
 * means; the panel shows the day, which matters most; then how to decide. Someone who does not
 * review it (not the client organisation's) is told that it waits for the client.
 */
export const reviewReminder: Template = ({ context, t, primary }) => {
  const details = context.entry.details ?? {};
  const round = roundOf(details.round);
  const deadline = t.day(details.reviewDeadline);
  const client = decidesForClient(context);
  const summary = client ? t.summaries.review_reminder : t.review.clientRemindedSummary;
  // Without a readable day, the headline says it all.
  const sentence = deadline ? (client ? t.review.reminder : t.review.clientReminded)(round, deadline) : summary;
  const panel = deadline ? amountPanel({ caption: client ? t.review.reviewBy : t.review.reviewEnds, amount: deadline, rows: [[t.review.round, round]], color: primary }) : undefined;
  return {
    summary,
    ...parts(paragraph(sentence), panel, client && paragraph(t.review.howToDecide)),
    preheader: preview(sentence),
    ...(client ? { button: t.review.button } : {}),
  };
};
