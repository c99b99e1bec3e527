import * as z from 'zod';
import { Request, RequestId } from '../domain/request.js';
import { Action } from '../domain/lifecycle.js';
import { Organisation } from '../domain/organisation.js';
import { WorkQueuePolicy } from '../domain/work-queue.js';
import { Attachment } from '../domain/attachment.js';
import { Participant } from '../domain/participant.js';
import { TimelineEntry } from '../domain/timeline-entry.js';

/** What the services answer with; the route table documents these same schemas. */

export const RequestView = Request.omit({ rank: true }).extend({
  requestId: RequestId.describe('The human request number, e.g. 2026-0042'),
  allowedActions: z.array(Action).describe('What the caller may do with the request in its current status'),
}).meta({ id: 'Request' });
export type RequestView = z.infer<typeof RequestView>;

export const RequestPage = z.object({ items: z.array(RequestView), nextCursor: z.string().optional() }).meta({ id: 'RequestPage' });

export const TimelineEntryView = TimelineEntry.meta({ id: 'TimelineEntry' });
export type TimelineEntryView = z.infer<typeof TimelineEntryView>;

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
