import { system } from '../../domain/actor.js';
import { attachmentOfKey } from '../../domain/attachment-rules.js';
import { ConflictError } from '../../domain/errors.js';
import { verdictOf, type MalwareScanEvent, type Verdict } from '../../domain/malware-scan-event.js';
import { logger } from '../../observability/logger.js';
import type { SystemCaller } from '../ports/deps.js';
import type { ScanDeps } from '../ports/scan.js';
import { newEntry } from './timeline.js';

/** Whether the event names the stored key: as it is, or URL-encoded as S3's own notifications write keys (a file name's spaces and diacritics). */
const namesKey = (given: string, stored: string): boolean => {
  if (given === stored) return true;
  try {
    return decodeURIComponent(given.replace(/\+/g, ' ')) === stored;
  } catch {
    return false;
  }
};

/** What became of one verdict: recorded, or why it changed nothing. */
export type ScanOutcome =
  | { outcome: 'recorded'; requestId: string; attachmentId: string; verdict: Verdict['verdict'] }
  | { outcome: 'ignored'; reason: 'other-bucket' | 'not-an-attachment' | 'unknown-attachment' | 'replayed'; objectKey: string };

/**
 * Records the malware scanner's verdict on a confirmed file (GuardDuty's result event, or the
 * local stack's ClamAV scanner's, shaped the same). Only while the file's scan is pending, so a
 * verdict delivered again changes nothing (no second entry, no second mail). An infected file is
 * first moved out of reach (`quarantine/`, removed from `orgs/`); an infected or unchecked one
 * gets an `attachment_blocked` entry, which mails its sender and the agency. A key that names no
 * attachment of ours is logged and ignored: retrying it would never go better.
 */
export const recordScanResult = async (deps: ScanDeps, caller: SystemCaller, event: MalwareScanEvent): Promise<ScanOutcome> => {
  const { bucketName, objectKey, eTag } = event.detail.s3ObjectDetails;
  const ignored = (reason: Extract<ScanOutcome, { outcome: 'ignored' }>['reason']): ScanOutcome => {
    logger.warn('scan result ignored', { reason, objectKey, bucketName, scanStatus: event.detail.scanStatus, result: event.detail.scanResultDetails.scanResultStatus });
    return { outcome: 'ignored', reason, objectKey };
  };
  if (bucketName !== deps.bucketName()) return ignored('other-bucket');
  const ids = attachmentOfKey(objectKey);
  if (!ids) return ignored('not-an-attachment');
  const attachment = await deps.attachments.get(ids.requestId, ids.attachmentId);
  if (!attachment || attachment.orgId !== ids.orgId || !namesKey(objectKey, attachment.key)) return ignored('unknown-attachment');
  // A confirmation copies the file to orgs/ before it commits its own write, so a quick verdict may
  // come before the item says `uploaded`: it is recorded all the same (the file is at its key).
  if (attachment.scan !== 'pending') return ignored('replayed');

  const found = verdictOf(event.detail);
  // Out of reach before anything says so: a failure here throws, and the verdict comes again.
  if (found.verdict === 'infected') await deps.quarantine.isolate(attachment.key, eTag);
  const recorded = deps.attachments.recordScan(attachment, found.verdict, found.threat);
  const writes = [recorded];
  if (found.verdict !== 'clean') {
    const sender = await deps.users.getUser(attachment.uploadedBy);
    const entry = newEntry(deps, system(caller.system), attachment.requestId, deps.now().toISOString(), {
      kind: 'attachment_blocked',
      visibility: attachment.visibility,
      attachmentIds: [attachment.attachmentId],
      details: {
        fileName: attachment.fileName,
        verdict: found.verdict,
        ...(found.threat ? { threat: found.threat } : {}),
        uploadedBy: attachment.uploadedBy,
        ...(sender ? { uploadedByName: sender.name } : {}),
      },
    });
    writes.push(deps.timeline.append(entry));
  }
  try {
    await deps.unitOfWork.commit(writes);
  } catch (error) {
    // Another delivery of the same verdict recorded it meanwhile.
    if (error instanceof ConflictError) return ignored('replayed');
    throw error;
  }
  if (found.verdict === 'infected') deps.metrics.count('FilesInfected');
  if (found.cause === 'unsupported') deps.metrics.count('FilesUnscannable');
  if (found.cause === 'scanner') deps.metrics.count('FileScansFailed');
  logger.info('scan result recorded', { requestId: attachment.requestId, attachmentId: attachment.attachmentId, verdict: found.verdict, threat: found.threat, cause: found.cause });
  return { outcome: 'recorded', requestId: attachment.requestId, attachmentId: attachment.attachmentId, verdict: found.verdict };
};
