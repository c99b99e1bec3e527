import type { Attachment } from '../../domain/attachment.js';
import { citeRefusal } from '../../domain/attachment-scan.js';
import { NotFoundError } from '../../domain/errors.js';
import type { Write } from '../ports/common.js';
import type { ServiceDeps } from '../ports/deps.js';

/** The files a change cites (a message, a delivery, a review), as stored, read once for every check (undefined: not there). */
export const citedFiles = (deps: Pick<ServiceDeps, 'attachments'>, requestId: string, attachmentIds: readonly string[]): Promise<(Attachment | undefined)[]> =>
  Promise.all(attachmentIds.map((attachmentId) => deps.attachments.get(requestId, attachmentId)));

/** The positions of the internal (agency-only) files among them. */
export const internalPositions = (cited: readonly (Attachment | undefined)[]): number[] => cited.flatMap((attachment, index) => (attachment?.visibility === 'agency' ? [index] : []));

/**
 * What a change may cite: confirmed files of the request (404 otherwise) that the malware scan
 * found clean (409 while one is being checked, or was found infected or unreadable: nobody may be
 * handed a file they could not open). `unscanned`: files the change may cite before their verdict
 * (inbound mail's own files, posted with the mail that brought them; they stay undownloadable
 * until clean). Answers the writes that make the change stand only while that still holds.
 */
export const citableFiles = (
  deps: Pick<ServiceDeps, 'attachments'>,
  requestId: string,
  attachmentIds: readonly string[],
  cited: readonly (Attachment | undefined)[],
  unscanned: ReadonlySet<string> = new Set(),
): Write[] =>
  attachmentIds.map((attachmentId, index) => {
    const attachment = cited[index];
    if (!attachment || attachment.status !== 'uploaded') throw new NotFoundError(`Uploaded attachment ${attachmentId}`);
    if (unscanned.has(attachmentId)) return deps.attachments.mustBeUploaded(requestId, attachmentId);
    const refusal = citeRefusal(attachment);
    if (refusal) throw refusal;
    return deps.attachments.mustBeClean(requestId, attachmentId);
  });
