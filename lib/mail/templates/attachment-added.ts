import { preview } from '../plain-text.js';
import { callout, facts, fileSize, parts } from './parts.js';
import type { Template } from './template.js';

/** A confirmed upload (details from attachments.ts: fileName, size in bytes, contentType). */
export const attachmentAdded: Template = ({ context, t }) => {
  const { entry } = context;
  const details = entry.details ?? {};
  const internal = entry.visibility === 'agency';
  const size = details.size !== undefined && /^\d+$/.test(details.size) ? fileSize(Number(details.size), t) : undefined;
  return {
    summary: t.summaries.attachment_added,
    ...parts(
      internal && callout(t.internalAttachment, 'internal'),
      facts([
        [t.labels.file, details.fileName],
        [t.labels.size, size],
        [t.labels.fileType, details.contentType],
      ]),
    ),
    preheader: preview(details.fileName ?? t.summaries.attachment_added),
  };
};
