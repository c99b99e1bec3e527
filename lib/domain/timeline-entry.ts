import * as z from 'zod';
import { seesDecisionRecord, type AccessLevel } from './access.js';
import { RequestStatus } from './request.js';

export const Visibility = z.enum(['all', 'agency']).describe('`agency`: internal, never shown to clients or participants');
export type Visibility = z.infer<typeof Visibility>;

export const TimelineEntryKind = z.enum([
  'request_created',
  'status_changed',
  'message',
  'internal_note',
  'attachment_added',
  'participant_invited',
  'participant_removed',
  'rank_changed',
  'assignee_changed',
  /** Mail to a person of the request is not delivered (their address bounced or they complained). */
  'mail_undeliverable',
  /**
   * An agent posted an offer; the request is `quoted`. Details: `offerId`, `number` ("1", "2", …),
   * `net`, `gross` (minor units as decimal strings), `currency` (`CZK`, `EUR`), `validUntil` (ISO
   * datetime), `deliveryEstimate`, `lineCount`, and `supersedes` (the number of the offer it
   * replaces) for a revision. The body is the agent's note (Markdown).
   */
  'offer_posted',
  /** The workflow: an offer's validity ends soon and nobody decided. Details: `offerId`, `number`, `gross`, `currency`, `validUntil`. */
  'offer_reminder',
  /**
   * The binding order was made after an acceptance; its PDF goes with the mail. Details:
   * `orderNumber`, `gross`, `currency`, `dueDate` (a calendar day, `2026-12-09`),
   * `variableSymbol`, `iban`, `documentKey` (the PDF's key, `orders/…`), `fileName`, and
   * `acceptedBy` (the user id of who accepted).
   */
  'order_issued',
  /** The workflow, on the due date of an unpaid order. Details: `orderNumber`, `gross`, `currency`, `dueDate`, `variableSymbol`, `iban`, `acceptedBy`. */
  'payment_reminder',
  /**
   * Agency only: a payment did not match the order and was not taken as paid. Details:
   * `paymentId`, `expected`, `expectedCurrency`, `received`, `receivedCurrency`, `reason`
   * (`amount`, `currency`, `not_awaiting`), `source` (`webhook`, `agent`).
   */
  'payment_flagged',
  /**
   * Agency only: agency staff resolved a flagged payment (POST /payments/flagged/{paymentId}/resolve);
   * the body is their note (what was done). Details: `paymentId`, `received`, `receivedCurrency`,
   * `reason` (as `payment_flagged`'s), `source`.
   */
  'payment_resolved',
  /** The workflow: a delivery's review window ends soon and the client has not answered. Details: `round`, `reviewDeadline` (ISO datetime, 23:59:59 Prague). */
  'review_reminder',
  /**
   * The malware scanner: a file is not `clean` and can't be downloaded or sent on. With the file's
   * own visibility and `attachmentIds: [its id]`. Details: `fileName`, `verdict` (`infected`: moved
   * out of reach; `failed`: could not be checked, e.g. an encrypted archive), `threat` (what was
   * found, when infected and named), `uploadedBy` (the user id of who sent it), `uploadedByName`.
   */
  'attachment_blocked',
]);
export type TimelineEntryKind = z.infer<typeof TimelineEntryKind>;

/**
 * An entry of a request's timeline: a message, an internal note, or any other activity. Every
 * change writes one in the same transaction as the change; the notifier consumes them.
 */
export const TimelineEntry = z.object({
  entryId: z.string(),
  requestId: z.string(),
  kind: TimelineEntryKind,
  visibility: Visibility,
  /** Entries written before system actors existed have no type: they were all people's. */
  actorType: z.enum(['person', 'system']).default('person').describe('`system`: orderdesk itself acted (workflow, timer, payment, mail)'),
  actorId: z.string().describe('The user id of a person, the part of orderdesk for the system (e.g. `workflow`)'),
  actorName: z.string(),
  actorRole: z.string().describe('The role a person acted in on this request, `system` for orderdesk itself'),
  createdAt: z.iso.datetime(),
  body: z.string().optional().describe('As written (plain text or Markdown); render it safely'),
  format: z.enum(['text', 'markdown']).optional(),
  attachmentIds: z.array(z.string()).optional(),
  /** Before/after and other facts of the change, e.g. `{ from: 'submitted', to: 'cancelled' }`. */
  details: z.record(z.string(), z.string()).optional(),
  /** The action that wrote it, as the logs name it (see lib/observability/correlation.ts). Entries written before it existed have none. */
  correlationId: z
    .string()
    .optional()
    .describe('The id of the action that wrote it, as orderdesk’s logs name it: an API call’s request id (its `apigw-requestid` header, `error.requestId`), `workflow:<execution>` for the workflow'),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

/**
 * The status a step's entry left the request in (`details.to`), if it is one: what a mail about
 * that step shows, even when the request has moved on by the time the mail is written.
 */
export const statusAfter = (entry: Pick<TimelineEntry, 'details'>): RequestStatus | undefined => {
  const to = RequestStatus.safeParse(entry.details?.to);
  return to.success ? to.data : undefined;
};

/**
 * A timeline entry as `level` sees it, the one place that decides it for the timeline and for
 * mail alike (the notifier writes each person's mail from their view of the entry; the API's
 * schema, `TimelineEntryView` in lib/services/views.ts, says which fields are whose). An invited
 * participant sees that a delivery was accepted, by whom, when and which round; the rating and
 * the comment that came with it are the client organisation's word to the agency. The order, too,
 * is the organisation's and the agency's (a participant's `GET …/order` is a 404): a participant
 * sees that an order was issued, reminded or paid, not its number, symbol, account or payment.
 */
export const toTimelineEntryView = (entry: TimelineEntry, level: Exclude<AccessLevel, 'none'>): TimelineEntry => {
  if (seesDecisionRecord(level) || !entry.details) return entry;
  const { details } = entry;
  if (details.action === 'accept_delivery') {
    const { body: _comment, format: _format, ...shown } = entry;
    const { rating: _rating, ...facts } = details;
    return { ...shown, details: facts };
  }
  if (orderEntryKinds.has(entry.kind)) return { ...entry, details: {} };
  if (Object.keys(details).some((key) => orderFacts.has(key))) return { ...entry, details: Object.fromEntries(Object.entries(details).filter(([key]) => !orderFacts.has(key))) };
  return entry;
};

/** Entries about the order itself: every fact of theirs is the order's. */
const orderEntryKinds: ReadonlySet<TimelineEntry['kind']> = new Set(['order_issued', 'payment_reminder']);
/** The order's facts as steps bring them along (an accepted offer's order number, a payment's id). */
const orderFacts: ReadonlySet<string> = new Set(['orderNumber', 'variableSymbol', 'iban', 'dueDate', 'acceptedBy', 'paymentId', 'documentKey', 'sha256', 'amount']);
