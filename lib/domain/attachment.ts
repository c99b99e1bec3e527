import * as z from 'zod';
import { Visibility } from './timeline-entry.js';

/** A file of a request: announced (`pending`), then confirmed once it arrived as announced. */
export const Attachment = z.object({
  attachmentId: z.string(),
  requestId: z.string(),
  orgId: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  key: z.string(),
  status: z.enum(['pending', 'uploaded']),
  visibility: Visibility,
  uploadedBy: z.string(),
  createdAt: z.iso.datetime(),
  /** Epoch seconds after which a pending upload is void (and TTL may remove it). */
  expiresAt: z.number().optional(),
});
export type Attachment = z.infer<typeof Attachment>;

/** The attachment once its upload is confirmed: no longer bound to expire. */
export const confirmed = (attachment: Attachment): Attachment => {
  const { expiresAt: _expiresAt, ...kept } = attachment;
  return { ...kept, status: 'uploaded' };
};
