import * as z from 'zod';
import type { Attachment, Participant, TimelineEntry } from '../../services/ports.js';

/** Items read back from the table are checked like any outside data (zod strips the key attributes). */
const Visibility = z.enum(['all', 'agency']);

export const TimelineEntryItem: z.ZodType<TimelineEntry> = z.object({
  entryId: z.string(),
  requestId: z.string(),
  kind: z.enum(['request_created', 'status_changed', 'message', 'internal_note', 'attachment_added', 'participant_invited', 'participant_removed']),
  visibility: Visibility,
  actorId: z.string(),
  actorName: z.string(),
  actorRole: z.string(),
  createdAt: z.string(),
  body: z.string().optional(),
  format: z.enum(['text', 'markdown']).optional(),
  attachmentIds: z.array(z.string()).optional(),
  details: z.record(z.string(), z.string()).optional(),
});

export const AttachmentItem: z.ZodType<Attachment> = z.object({
  attachmentId: z.string(),
  requestId: z.string(),
  orgId: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  key: z.string(),
  status: z.enum(['pending', 'uploaded']),
  visibility: Visibility,
  uploadedBy: z.string(),
  createdAt: z.string(),
  expiresAt: z.number().optional(),
});

export const ParticipantItem: z.ZodType<Participant> = z.object({
  requestId: z.string(),
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  invitedBy: z.string(),
  invitedAt: z.string(),
});

export const IdempotencyItem = z.object({ fingerprint: z.string(), answer: z.string(), expiresAt: z.number() });
