import * as z from 'zod';
import { Platform } from '../domain/platform.js';
import { RequestId, RequestStatus, RequestType } from '../domain/request.js';
import { actions } from '../domain/lifecycle.js';

/** What the services answer with; the route table documents these same schemas. */

export const Action = z.enum(actions as [string, ...string[]]);

export const RequestView = z
  .object({
    requestId: RequestId.describe('The human request number, e.g. 2026-0042'),
    orgId: z.string(),
    type: RequestType,
    title: z.string(),
    description: z.string(),
    projectRef: z.string().optional(),
    platform: Platform,
    status: RequestStatus,
    version: z.number().int(),
    createdBy: z.string(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    allowedActions: z.array(Action).describe('What the caller may do with the request in its current status'),
  })
  .meta({ id: 'Request' });
export type RequestView = z.infer<typeof RequestView>;

export const RequestPage = z.object({ items: z.array(RequestView), nextCursor: z.string().optional() }).meta({ id: 'RequestPage' });

export const TimelineEntryView = z
  .object({
    entryId: z.string(),
    requestId: z.string(),
    kind: z.enum(['request_created', 'status_changed', 'message', 'internal_note', 'attachment_added', 'participant_invited', 'participant_removed']),
    visibility: z.enum(['all', 'agency']).describe('`agency`: internal, never shown to clients or participants'),
    actorId: z.string(),
    actorName: z.string(),
    actorRole: z.string(),
    createdAt: z.iso.datetime(),
    body: z.string().optional().describe('As written (plain text or Markdown); render it safely'),
    format: z.enum(['text', 'markdown']).optional(),
    attachmentIds: z.array(z.string()).optional(),
    details: z.record(z.string(), z.string()).optional(),
  })
  .meta({ id: 'TimelineEntry' });
export type TimelineEntryView = z.infer<typeof TimelineEntryView>;

export const TimelinePage = z.object({ items: z.array(TimelineEntryView), nextCursor: z.string().optional() }).meta({ id: 'TimelinePage' });

export const AttachmentView = z
  .object({
    attachmentId: z.string(),
    requestId: z.string(),
    fileName: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    status: z.enum(['pending', 'uploaded']),
    visibility: z.enum(['all', 'agency']),
    uploadedBy: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Attachment' });
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

export const ParticipantView = z
  .object({ requestId: z.string(), userId: z.string(), email: z.string(), name: z.string(), invitedBy: z.string(), invitedAt: z.iso.datetime() })
  .meta({ id: 'Participant' });
export type ParticipantView = z.infer<typeof ParticipantView>;

