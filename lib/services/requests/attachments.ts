import { seesInternal } from '../../domain/access.js';
import { attachmentKey, sanitizeFileName, uploadKey } from '../../domain/attachment-rules.js';
import { downloadRefusal } from '../../domain/attachment-scan.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../../domain/errors.js';
import { addSeconds, epochSeconds } from '../../domain/time.js';
import type { Caller, FileServiceDeps, ServiceDeps } from '../ports/deps.js';
import { alongside } from '../alongside.js';
import { openCallerRequest } from './open-request.js';
import { confirmed, type Attachment } from '../../domain/attachment.js';
import type { StoredFile } from '../ports/common.js';
import { newEntry } from './timeline.js';
import type { AttachmentView } from '../views.js';

/** The presigned upload is short; the confirmation may come a little later (slow connections). */
export const uploadWindowSeconds = 10 * 60;
export const confirmWindowSeconds = 60 * 60;
export const downloadWindowSeconds = 60;

export interface UploadRequest {
  fileName: string;
  size: number;
  contentType: string;
  internal: boolean;
}

const toView = ({ key: _key, orgId: _orgId, expiresAt: _expiresAt, ...view }: Attachment): AttachmentView => view;

export const requestUpload = async (deps: FileServiceDeps, caller: Caller, requestId: string, input: UploadRequest) => {
  const { user, request, level } = await openCallerRequest(deps, caller, requestId);
  if (input.internal && !seesInternal(level)) throw new ForbiddenError('Only agency staff attach internal files');
  const now = deps.now();
  const attachmentId = deps.newId();
  const fileName = sanitizeFileName(input.fileName);
  const attachment: Attachment = {
    attachmentId,
    requestId,
    orgId: request.orgId,
    fileName,
    contentType: input.contentType,
    size: input.size,
    key: attachmentKey(request.orgId, requestId, attachmentId, fileName),
    status: 'pending',
    scan: 'pending',
    visibility: input.internal ? 'agency' : 'all',
    uploadedBy: user.userId,
    createdAt: now.toISOString(),
    expiresAt: epochSeconds(addSeconds(now, confirmWindowSeconds)),
  };
  await deps.unitOfWork.commit([deps.attachments.announce(attachment)]);
  // The browser uploads under uploads/ only; `key` is where the file goes once confirmed.
  const upload = await deps.files.presignUpload(uploadKey(attachment), attachment.contentType, attachment.size, uploadWindowSeconds);
  return {
    attachment: toView(attachment),
    upload: { ...upload, expiresAt: addSeconds(now, uploadWindowSeconds).toISOString() },
    confirmBy: addSeconds(now, confirmWindowSeconds).toISOString(),
  };
};

/** An attachment the caller may see; an internal one is invisible (404) to clients. */
const visibleAttachment = async (deps: FileServiceDeps, caller: Caller, requestId: string, attachmentId: string) => {
  const [opened, attachment] = await alongside(openCallerRequest(deps, caller, requestId), deps.attachments.get(requestId, attachmentId));
  if (!attachment || (attachment.visibility === 'agency' && !seesInternal(opened.level))) throw new NotFoundError(`Attachment ${attachmentId}`);
  return { ...opened, attachment };
};

const checkAnnounced = (attachment: Attachment, stored: StoredFile) => {
  if (stored.size !== attachment.size || (stored.contentType && stored.contentType !== attachment.contentType)) {
    throw new ConflictError('The stored file is not the one announced (size or type differ)', 'Ask for a new upload with the real size and type');
  }
};

/**
 * Checks that the file arrived as announced, then makes it part of the request. The upload ticket
 * stays usable until it expires, so the checked upload is copied to the attachment's own key: on
 * the condition that it still is the object checked (its ETag), and that nothing is at that key
 * yet, so that key is written once and never replaced. Downloads sign only that key.
 */
export const confirmUpload = async (deps: FileServiceDeps, caller: Caller, requestId: string, attachmentId: string): Promise<AttachmentView> => {
  const { user, actor, attachment } = await visibleAttachment(deps, caller, requestId, attachmentId);
  if (attachment.uploadedBy !== user.userId) throw new ForbiddenError('Only the person who uploads a file confirms it');
  if (attachment.status === 'uploaded') return toView(attachment);
  const now = deps.now();
  // The conditional write below refuses an expired upload too; this saves copying it first.
  if (attachment.expiresAt !== undefined && attachment.expiresAt <= epochSeconds(now)) {
    throw new ConflictError('This upload has expired', 'Ask for a new upload');
  }
  const upload = uploadKey(attachment);
  const stored = await deps.files.describe(upload);
  if (!stored) throw new ConflictError('The file has not arrived in storage', 'POST the file to the upload URL with its fields, then confirm');
  checkAnnounced(attachment, stored);
  if (!(await deps.files.copyOnce(upload, attachment.key, stored.etag))) {
    // Either a confirmation already stored its checked copy (kept: the key is written once), or
    // the upload was replaced after it was checked (nothing was copied).
    const kept = await deps.files.describe(attachment.key);
    if (!kept) throw new ConflictError('The file changed while it was being confirmed', 'Confirm again');
    checkAnnounced(attachment, kept);
  }
  const entry = newEntry(deps, actor, requestId, now.toISOString(), {
    kind: 'attachment_added',
    visibility: attachment.visibility,
    attachmentIds: [attachmentId],
    details: { fileName: attachment.fileName, size: String(attachment.size), contentType: attachment.contentType },
  });
  const uploaded = confirmed(attachment);
  await deps.unitOfWork.commit([deps.attachments.confirm(attachment, uploaded, now), deps.timeline.append(entry)]);
  await deps.files.discard(upload);
  return toView(uploaded);
};

/** The confirmed files, whatever their scan says (`scan`, `threat`): people see that a file is being checked, or why it can't be opened. */
export const listAttachments = async (deps: ServiceDeps, caller: Caller, requestId: string): Promise<AttachmentView[]> => {
  const [{ level }, all] = await alongside(openCallerRequest(deps, caller, requestId), deps.attachments.list(requestId));
  return all.filter((a) => a.status === 'uploaded' && (a.visibility === 'all' || seesInternal(level))).map(toView);
};

/** A short-lived download link, given only after the caller's access is checked, and only for a file the malware scan found clean. */
export const downloadLink = async (deps: FileServiceDeps, caller: Caller, requestId: string, attachmentId: string) => {
  const { attachment } = await visibleAttachment(deps, caller, requestId, attachmentId);
  if (attachment.status !== 'uploaded') throw new ConflictError('This file is not confirmed yet', 'Confirm the upload first');
  const refusal = downloadRefusal(attachment);
  if (refusal) throw refusal;
  const url = await deps.files.presignDownload(attachment.key, attachment.fileName, downloadWindowSeconds);
  return { url, fileName: attachment.fileName, expiresAt: addSeconds(deps.now(), downloadWindowSeconds).toISOString() };
};
