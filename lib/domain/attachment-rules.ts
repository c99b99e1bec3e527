import * as z from 'zod';

export const maxAttachmentBytes = 25 * 1024 * 1024;

/** What may be attached: documents, images and archives a client and an agency exchange. No
 * HTML or SVG (they can carry scripts) and no executables. */
export const allowedContentTypes = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'text/plain',
  'text/csv',
  'text/markdown',
  'application/zip',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/msword',
  'application/vnd.ms-excel',
] as const;
export const AttachmentContentType = z.enum(allowedContentTypes, { error: 'this file type is not allowed' });

/**
 * A file name safe to store and to show: no path, no control or reserved characters, NFC, at most
 * 150 characters with the extension kept. Czech diacritics stay.
 */
export const sanitizeFileName = (name: string): string => {
  const base = name.normalize('NFC').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[\p{Cc}\p{Cf}<>:"|?*]/gu, '')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+|[.\s]+$/g, '');
  if (cleaned.length === 0) return 'file';
  if (cleaned.length <= 150) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  return cleaned.slice(0, 150 - extension.length) + extension;
};

/**
 * The attachments' key prefixes. Browsers only ever write under `uploads/` (the presigned POST's
 * key); confirming copies the checked upload, once, under `orgs/`, and only that copy is ever
 * downloaded. The routes' IAM grants are per prefix (`FunctionAccess.bucket`).
 */
export const uploadPrefix = 'uploads/';
export const attachmentPrefix = 'orgs/';

/** S3 key of a confirmed attachment, laid out by organisation and request. Written once. */
export const attachmentKey = (orgId: string, requestId: string, attachmentId: string, fileName: string): string =>
  `${attachmentPrefix}${orgId}/requests/${requestId}/attachments/${attachmentId}/${fileName}`;

/** S3 key the presigned POST writes to, until the upload is confirmed. No file name in it: the
 * key travels URL-encoded in the copy's `x-amz-copy-source` header, which the local S3 server
 * decodes only in part (`&`, `+` stay encoded); ids are plain. */
export const uploadKey = (attachment: { orgId: string; requestId: string; attachmentId: string }): string =>
  `${uploadPrefix}${attachment.orgId}/${attachment.requestId}/${attachment.attachmentId}`;

/** Where an infected file is moved to, out of reach: no function may read under this prefix. */
export const quarantinePrefix = 'quarantine/';

/** The quarantined copy's key: the attachment's own key under `quarantine/` instead of `orgs/`. */
export const quarantineKey = (key: string): string => `${quarantinePrefix}${key.slice(attachmentPrefix.length)}`;

/** The ids an attachment's key names (`attachmentKey`'s inverse), or undefined for any other key. */
export const attachmentOfKey = (key: string): { orgId: string; requestId: string; attachmentId: string } | undefined => {
  if (!key.startsWith(attachmentPrefix)) return undefined;
  // A file name has no slash (`sanitizeFileName`): exactly these six parts.
  const [orgId, requests, requestId, attachments, attachmentId, fileName, ...more] = key.slice(attachmentPrefix.length).split('/');
  if (requests !== 'requests' || attachments !== 'attachments' || more.length > 0 || !orgId || !requestId || !attachmentId || !fileName) return undefined;
  return { orgId, requestId, attachmentId };
};
