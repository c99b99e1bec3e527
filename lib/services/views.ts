import * as z from 'zod';
import { Request, RequestId } from '../domain/request.js';
import { Action } from '../domain/lifecycle.js';
import { Organisation } from '../domain/organisation.js';
import { AuditEntry } from '../domain/audit.js';
import { PersonState } from '../domain/people.js';
import { User } from '../domain/user.js';
import { WorkQueuePolicy } from '../domain/work-queue.js';
import { Attachment } from '../domain/attachment.js';
import { Participant } from '../domain/participant.js';
import { TimelineEntry, toTimelineEntryView } from '../domain/timeline-entry.js';
import { seesDecisionRecord, type AccessLevel } from '../domain/access.js';
import { Offer, OfferDecision } from '../domain/orders/offer.js';
import { Handover, Rating, ReviewOutcome } from '../domain/review/handover.js';

/** What the services answer with; the route table documents these same schemas. */

export const RequestView = Request.omit({ rank: true, openOffer: true }).extend({
  requestId: RequestId.describe('The human request number, e.g. 2026-0042'),
  allowedActions: z
    .array(Action)
    .describe(
      'What the caller may do now, in lifecycle order: at the time of this answer the API takes each listed action from this caller, and none that is not listed (403, 404 or 409). ' +
        'Beside the status, the type and the caller’s role, it reflects the open offer’s price (`accept_free_offer` when it is zero, else `accept_offer`) and validity, the organisation’s ' +
        '`membersMayAcceptOffers` and billing details (a priced offer needs them), and `reviewDeadline` and `reopenUntil`. `expire_offer` and `deem_accepted` are never listed: time takes them. ' +
        '`mark_paid` is recording the order’s amount (`POST …/payments`); `clarify`, `fix`, `start_work`, `explain`, `reopen` and `close` go to `POST …/actions`.',
    ),
}).meta({ id: 'Request' });
export type RequestView = z.infer<typeof RequestView>;

export const RequestPage = z.object({ items: z.array(RequestView), nextCursor: z.string().optional() }).meta({ id: 'RequestPage' });

/** How a caller (or a mail's recipient) relates to a request they see. */
type Seeing = Exclude<AccessLevel, 'none'>;

/**
 * What the client organisation and the agency see of a client's decision and an invited
 * participant does not (see `seesDecisionRecord`): the words for the schemas, so the OpenAPI
 * document says who gets a field.
 */
const clientAndAgencyOnly = 'the client organisation and the agency only: absent for an invited participant';
const forClientAndAgency = (what: string) => `${what}. For ${clientAndAgencyOnly}`;

const DecisionEvidence = {
  ip: z.string().optional().describe(forClientAndAgency('The IP address the decision came from, as API Gateway saw it')),
  userAgent: z.string().optional().describe(forClientAndAgency('The browser (user agent) the decision came from')),
};

export const TimelineEntryView = TimelineEntry.extend({
  body: TimelineEntry.shape.body.describe(
    `As written (plain text or Markdown); render it safely. On a delivery's acceptance (\`details.action\`: \`accept_delivery\`) it is the client's comment to the agency, for ${clientAndAgencyOnly}`,
  ),
  details: TimelineEntry.shape.details.describe(
    `Facts of the change, e.g. \`{ "action": "cancel", "from": "submitted", "to": "cancelled" }\`. A delivery's acceptance has its \`round\` and, if the client gave one, its \`rating\` (1–5), for ${clientAndAgencyOnly}. ` +
      `The order's facts (its number, variable symbol, account, due date, a payment's id and amount) likewise: an invited participant sees that an order was issued, reminded or paid`,
  ),
}).meta({ id: 'TimelineEntry' });
export type TimelineEntryView = z.infer<typeof TimelineEntryView>;

/** What of each entry a caller sees: `toTimelineEntryView` (lib/domain/timeline-entry.ts, where the notifier finds it too). */
export { toTimelineEntryView };

export const TimelinePage = z.object({ items: z.array(TimelineEntryView), nextCursor: z.string().optional() }).meta({ id: 'TimelinePage' });

/** Without the storage key and bookkeeping: clients reach files only through checked links. */
export const AttachmentView = Attachment.omit({ key: true, orgId: true, expiresAt: true }).meta({ id: 'Attachment' });
export type AttachmentView = z.infer<typeof AttachmentView>;

export const UploadTicket = z
  .object({
    attachment: AttachmentView,
    upload: z.object({
      url: z.string().describe('POST a multipart form here: every field below, then the file as `file`'),
      fields: z.record(z.string(), z.string()),
      expiresAt: z.iso.datetime(),
    }),
    confirmBy: z.iso.datetime().describe('Confirm the upload before this, or ask for a new one'),
  })
  .meta({ id: 'UploadTicket' });

export const DownloadLink = z.object({ url: z.string(), expiresAt: z.iso.datetime(), fileName: z.string() }).meta({ id: 'DownloadLink' });

export const ParticipantView = Participant.meta({ id: 'Participant' });
export type ParticipantView = z.infer<typeof ParticipantView>;

const Position = z.number().int().positive();

export const ClientQueueView = z
  .object({
    orgId: z.string(),
    mayRank: z.boolean().describe('Whether the caller may reorder this queue'),
    items: z.array(z.object({ position: Position.describe('1 is handled first'), request: RequestView })),
    nextCursor: z.string().optional().describe('More of the queue follows: pass it as `cursor`'),
  })
  .meta({ id: 'ClientQueue' });
export type ClientQueueView = z.infer<typeof ClientQueueView>;

export const QueuePlacementView = z
  .object({
    orgId: z.string(),
    requestId: RequestId,
    after: RequestId.nullable().describe('The request now right before it; null: it is first'),
    before: RequestId.nullable().describe('The request now right after it; null: it is last'),
    moved: z.boolean().describe('False when it already was in that place: nothing was written'),
  })
  .meta({ id: 'QueuePlacement' });
export type QueuePlacementView = z.infer<typeof QueuePlacementView>;

export const WorkQueueView = z
  .object({
    policy: WorkQueuePolicy.describe('How organisations were interleaved'),
    items: z.array(
      z.object({
        position: Position.describe('Place in the whole work queue (also when filtered by assignee)'),
        orgPosition: Position.describe('Place among its organisation’s ready work, in the client’s order'),
        request: RequestView,
      }),
    ),
  })
  .meta({ id: 'WorkQueue' });
export type WorkQueueView = z.infer<typeof WorkQueueView>;

export const OrganisationView = Organisation.meta({ id: 'Organisation' });
export const OrganisationPage = z.object({ items: z.array(OrganisationView), nextCursor: z.string().optional() }).meta({ id: 'OrganisationPage' });

/** A person as the admins who manage them see them: who, in what role, and whether they can sign in. */
export const PersonView = User.pick({ userId: true, email: true, name: true, role: true, orgId: true, language: true, createdAt: true, invitedAt: true, invitationExpiresAt: true, deactivatedAt: true, version: true })
  .extend({
    state: PersonState.describe('`invited` until their first sign-in (`invitation_expired` past `invitationExpiresAt`: send it again), `active`, or `deactivated`'),
    organisationDeactivated: z.boolean().describe('Their organisation is deactivated: they can’t sign in whatever their own state'),
  })
  .meta({ id: 'Person' });
export type PersonView = z.infer<typeof PersonView>;

export const AuditEntryView = AuditEntry.meta({ id: 'AuditEntry' });
export const AuditPage = z.object({ items: z.array(AuditEntryView), nextCursor: z.string().optional() }).meta({ id: 'AuditPage' });

export const OfferView = Offer.extend({
  decision: OfferDecision.extend({
    ...DecisionEvidence,
    reason: OfferDecision.shape.reason.describe('Why the client declined it, as they wrote it: what a revised offer answers, so everyone who sees the request sees it'),
  })
    .optional()
    .describe('Who accepted or declined it and when'),
}).meta({ id: 'Offer' });
export type OfferView = z.infer<typeof OfferView>;

/**
 * An offer as `level` sees it: everyone who sees the request sees its content and its status,
 * and who decided on it and when; the IP address and browser the decision came from are the
 * evidence of a binding act, the client organisation's and the agency's. A declined offer's
 * reason stays: it is what a revised offer answers, and it is on the timeline as the step's note.
 */
export const toOfferView = (offer: Offer, level: Seeing): OfferView => {
  if (seesDecisionRecord(level) || !offer.decision) return offer;
  const { ip: _ip, userAgent: _userAgent, ...decision } = offer.decision;
  return { ...offer, decision };
};

const [AcceptedOutcome, ChangesOutcome, DeemedOutcome] = ReviewOutcome.options;

const ReviewOutcomeView = z.discriminatedUnion('decision', [
  AcceptedOutcome.extend({
    ...DecisionEvidence,
    rating: Rating.optional().describe(forClientAndAgency('How the client rated the delivery, 1 (poor) to 5 (excellent), if they did')),
    comment: z.string().optional().describe(forClientAndAgency('What the client said with the acceptance, if anything')),
  }),
  ChangesOutcome.extend({ ...DecisionEvidence }),
  DeemedOutcome,
]);

export const HandoverView = Handover.extend({
  outcome: ReviewOutcomeView.optional().describe('How the round ended: who decided and when (or that it was deemed accepted); none while it is under review'),
}).meta({ id: 'Handover' });
export type HandoverView = z.infer<typeof HandoverView>;

/**
 * A review round as `level` sees it: everyone who sees the request sees how it ended, by whom,
 * when and which round (and the changes asked for, which the next round answers); the IP address
 * and browser of the decision, and an acceptance's rating and comment, are the client
 * organisation's and the agency's.
 */
export const toHandoverView = (handover: Handover, level: Seeing): HandoverView => {
  const { outcome } = handover;
  if (seesDecisionRecord(level) || !outcome || outcome.decision === 'deemed') return handover;
  if (outcome.decision === 'accepted') {
    const { ip: _ip, userAgent: _userAgent, rating: _rating, comment: _comment, ...fact } = outcome;
    return { ...handover, outcome: fact };
  }
  const { ip: _ip, userAgent: _userAgent, ...fact } = outcome;
  return { ...handover, outcome: fact };
};
