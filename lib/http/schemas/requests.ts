import * as z from 'zod';
import { AttachmentContentType, maxAttachmentBytes } from '../../domain/attachment-rules.js';
import { Platform } from '../../domain/platform.js';
import { singleLine } from '../../domain/single-line.js';
import { RequestId, RequestStatus, RequestType } from '../../domain/request.js';
import { maxMessageLength } from '../../services/requests/messages.js';

/** Input schemas of the request routes: strict, so unknown fields are a 400 naming them. */

export const trimmed = (min: number, max: number) => z.string().trim().min(min).max(max);
/** A title, a name: one line (see single-line.ts). */
export const oneLine = (min: number, max: number) => singleLine(trimmed(min, max));

export const RequestPath = z.strictObject({ requestId: RequestId });
export const AttachmentPath = z.strictObject({ requestId: RequestId, attachmentId: z.uuid() });
export const ParticipantPath = z.strictObject({ requestId: RequestId, userId: z.string().min(1).max(64) });

export const CreateRequestBody = z
  .strictObject({
    type: RequestType,
    title: oneLine(3, 200),
    description: z.string().max(maxMessageLength).default(''),
    projectRef: oneLine(1, 100).optional().describe('The client’s project this is about, if any'),
    platform: Platform,
    orgId: z.string().min(1).max(64).optional().describe('Agency staff only: the organisation the request is for'),
  })
  .meta({ id: 'NewRequest' });

/** A page size: plain decimal digits only (no `0x10`, `1e2`, ` 5` or `+5`). */
export const pageLimit = (max: number, fallback: number) =>
  z
    .string()
    .regex(/^[0-9]{1,4}$/, 'must be a whole number in decimal digits')
    .transform(Number)
    .pipe(z.number().int().min(1).max(max))
    .default(fallback)
    .describe(`How many items a page holds (1 to ${max}, default ${fallback})`);
const Limit = pageLimit(100, 25);
export const Cursor = z.string().min(1).max(2000).optional().describe('From the previous page’s `nextCursor`');

export const ListRequestsQuery = z.strictObject({
  status: RequestStatus.optional(),
  type: RequestType.optional(),
  q: trimmed(1, 100).optional().describe('Text the title contains (case and diacritics ignored)'),
  scope: z.enum(['org', 'invited', 'all']).optional().describe('org: your organisation’s; invited: the ones you were invited to; all: agency staff'),
  orgId: z.string().min(1).max(64).optional().describe('Agency staff: one organisation’s requests'),
  limit: Limit,
  cursor: Cursor,
});

export const PageQuery = z.strictObject({ limit: Limit, cursor: Cursor });

export const CancelBody = z.strictObject({ reason: trimmed(1, 2000).optional() }).optional();

export const PostMessageBody = z
  .strictObject({
    // Stored exactly as written: whitespace is content (Markdown's indented code blocks, signatures).
    body: z
      .string()
      .max(maxMessageLength)
      .refine((body) => body.trim().length > 0, 'must not be empty or only whitespace'),
    format: z.enum(['text', 'markdown']).default('text'),
    internal: z.boolean().default(false).describe('An internal note: agency staff only, never shown to clients'),
    attachmentIds: z.array(z.uuid()).max(20).default([]).describe('Confirmed attachments of this request whose malware scan is `clean`'),
  })
  .meta({ id: 'NewMessage' });

export const RequestUploadBody = z
  .strictObject({
    fileName: singleLine(z.string().min(1).max(255)),
    size: z.number().int().min(1).max(maxAttachmentBytes, 'must be at most 25 MB'),
    contentType: AttachmentContentType,
    internal: z.boolean().default(false),
  })
  .meta({ id: 'NewUpload' });

export const InviteBody = z.strictObject({ email: z.email().max(254), name: oneLine(1, 200).optional() }).meta({ id: 'Invitation' });

export const NoContent = z.void();
