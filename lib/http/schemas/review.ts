import * as z from 'zod';
import { FeedbackSummary } from '../../domain/review/feedback.js';
import { Rating } from '../../domain/review/handover.js';
import { RequestId } from '../../domain/request.js';
import { HandoverView, RequestView } from '../../services/views.js';

/** Input and answer schemas of the handover, review and feedback routes. */

const AttachmentIds = z.array(z.uuid()).max(20).default([]).describe('Confirmed attachments of this request (not internal ones) whose malware scan is `clean`');

export const HandoverBody = z
  .strictObject({
    notes: z.string().trim().min(1).max(20_000).describe('What was done and how to check it (Markdown); shown on the timeline and mailed'),
    link: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
      .max(2000)
      .optional()
      .describe('Where the client sees the work, e.g. a staging site'),
    attachmentIds: AttachmentIds,
  })
  .meta({ id: 'NewHandover' });

export const RoundPath = z.strictObject({
  requestId: RequestId,
  round: z.coerce.number().int().positive().max(9999).describe('The review round: 1 for the first handover, 2 after the first changes, …'),
});

export const AcceptDeliveryBody = z
  .strictObject({
    rating: Rating.optional().describe('How the delivery was, 1 (poor) to 5 (excellent); the agency sees it per organisation and agent'),
    comment: z.string().trim().min(1).max(2000).optional().describe('A word with the rating or the acceptance'),
  })
  .optional()
  .meta({ id: 'DeliveryAcceptance' });

export const RequestChangesBody = z
  .strictObject({
    comments: z.string().trim().min(1).max(20_000).describe('What to change: the agent resumes work and hands over the next round'),
    attachmentIds: AttachmentIds,
  })
  .meta({ id: 'ChangeRequest' });

/** What each caller sees of a review round: `toHandoverView` (an invited participant, no rating, comment or evidence). */
export { HandoverView };
export const HandoverResultView = z.object({ request: RequestView, handover: HandoverView }).meta({ id: 'HandoverResult' });

const SummaryView = FeedbackSummary.extend({ average: z.number().describe('The average rating, to two decimals') });
export const FeedbackView = z
  .object({
    organisations: z.array(SummaryView).describe('Per client organisation, best rated first'),
    agents: z.array(SummaryView).describe('Per agency person who handed work over, best rated first'),
  })
  .meta({ id: 'Feedback' });
export type FeedbackView = z.infer<typeof FeedbackView>;
