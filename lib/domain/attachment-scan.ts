import type { Attachment, ScanState } from './attachment.js';
import { ConflictError } from './errors.js';

/**
 * Why a file that is not `clean` can't be downloaded: what happened and what to do next, in the
 * words of a 409. Only a clean file is ever handed out.
 */
export const downloadRefusal = (attachment: Pick<Attachment, 'fileName' | 'scan'>): ConflictError | undefined => {
  switch (attachment.scan) {
    case 'clean':
      return undefined;
    case 'pending':
      return new ConflictError(`${attachment.fileName} is being checked for malware`, 'Try again in a minute, once its `scan` is `clean`');
    case 'infected':
      return new ConflictError(`${attachment.fileName} contains malware and was removed from reach`, 'Ask whoever sent it for a clean copy');
    case 'failed':
      return new ConflictError(`${attachment.fileName} could not be checked for malware (e.g. an encrypted archive)`, 'Ask whoever sent it for an unencrypted copy');
  }
};

/** What a message or a delivery may not cite, and why: a file that is not (yet) clean. */
export const citeRefusal = (attachment: Pick<Attachment, 'attachmentId' | 'fileName' | 'scan'>): ConflictError | undefined => {
  const refusals: Record<Exclude<ScanState, 'clean'>, () => ConflictError> = {
    pending: () =>
      new ConflictError(
        `Attachment ${attachment.attachmentId} (${attachment.fileName}) is still being checked for malware`,
        'Wait until it is checked (its `scan` is `clean`), then send again',
      ),
    infected: () => new ConflictError(`Attachment ${attachment.attachmentId} (${attachment.fileName}) contains malware`, 'Remove it and send again'),
    failed: () =>
      new ConflictError(`Attachment ${attachment.attachmentId} (${attachment.fileName}) could not be checked for malware`, 'Remove it (ask for an unencrypted copy) and send again'),
  };
  return attachment.scan === 'clean' ? undefined : refusals[attachment.scan]();
};
