import * as z from 'zod';
import { Visibility } from './timeline-entry.js';

/**
 * Whether a confirmed file was checked for malware: `pending` until the scanner's verdict, then
 * `clean`, `infected` or `failed` (the scanner could not read it, e.g. an encrypted archive). Only
 * a `clean` file is ever downloadable or citable.
 */
export const ScanVerdict = z.enum(['clean', 'infected', 'failed']);
export type ScanVerdict = z.infer<typeof ScanVerdict>;
export const ScanState = z.enum(['pending', ...ScanVerdict.options]);
export type ScanState = z.infer<typeof ScanState>;

/** A file of a request: announced (`pending`), then confirmed once it arrived as announced; its
 * `scan` is a separate lifecycle that starts once it is confirmed. */
export const Attachment = z.object({
  attachmentId: z.string(),
  requestId: z.string(),
  orgId: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  key: z.string(),
  status: z.enum(['pending', 'uploaded']).describe('The upload: `pending` until confirmed, then `uploaded`'),
  /** Items stored before scanning existed have none: they stay `pending`, never pass unscanned. */
  scan: ScanState.default('pending').describe(
    'The malware scan: `pending` until checked, then `clean` (downloadable), `infected` (removed from reach) or `failed` (could not be checked, e.g. an encrypted archive). Only `clean` files can be downloaded or cited.',
  ),
  /** The name the scanner gave the threat it found. */
  threat: z.string().optional().describe('What the scanner found, when `infected`'),
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
