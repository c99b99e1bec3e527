// Reading a stored mail with postal-mime: its head, its addresses and headers, and the files it brings.
import { createHash } from 'node:crypto';
import PostalMime, { type Address, type Attachment as MailPart, type Email } from 'postal-mime';
import { allowedContentTypes, maxAttachmentBytes, sanitizeFileName } from '../../../domain/attachment-rules.js';
import type { LeftOut, MailHeader } from '../../../domain/mail/inbound-mail.js';

/** How much of a mail too large to read is read for its headers. */
export const headBytes = 64 * 1024;
/** As many files as one message may cite (`POST /requests/{id}/messages`). */
export const maxMailAttachments = 20;

export const mailboxOf = (address: Address | undefined): string | undefined => (address?.address ? address.address.trim().toLowerCase() : undefined);
export const addressesOf = (list: readonly Address[] | undefined): string[] =>
  (list ?? []).flatMap((address) => (address.group ? address.group.map((member) => member.address) : [address.address ?? '']));

export const headersOf = (mail: Email): MailHeader[] => mail.headers.map(({ key, value }) => ({ key, value }));

/** A message id fit to be referred to in a header, or nothing. */
export const referable = (messageId: string | undefined) => (messageId && /^<[^<>\s]{1,250}>$/.test(messageId.trim()) ? messageId.trim() : undefined);

/** An attachment id of its own for each file of one stored mail, the same every time it is handled (a UUID, version 8). */
export const attachmentIdOf = (objectKey: string, index: number): string => {
  const hex = createHash('sha256').update(`orderdesk-inbound-attachment\n${objectKey}\n${index}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

/**
 * The files of a mail that become attachments: the same type allowlist and size limit as
 * uploads, at most as many as a message cites. Inline parts a mail's HTML shows by `cid:` (logos
 * and signatures) are part of the mail, not files anyone attached.
 */
export const filesOf = (parts: readonly MailPart[]): { kept: { part: MailPart; fileName: string; content: Uint8Array }[]; leftOut: LeftOut[] } => {
  const kept: { part: MailPart; fileName: string; content: Uint8Array }[] = [];
  const leftOut: LeftOut[] = [];
  for (const part of parts) {
    if (part.related || (part.contentId && part.disposition !== 'attachment')) continue;
    const fileName = sanitizeFileName(part.filename ?? 'file');
    const content = typeof part.content === 'string' ? new TextEncoder().encode(part.content) : new Uint8Array(part.content);
    const type = part.mimeType.split(';')[0]!.trim().toLowerCase();
    if (!(allowedContentTypes as readonly string[]).includes(type)) leftOut.push({ fileName, why: 'type' });
    else if (content.byteLength === 0) leftOut.push({ fileName, why: 'empty' });
    else if (content.byteLength > maxAttachmentBytes) leftOut.push({ fileName, why: 'size' });
    else if (kept.length >= maxMailAttachments) leftOut.push({ fileName, why: 'too-many' });
    else kept.push({ part: { ...part, mimeType: type }, fileName, content });
  }
  return { kept, leftOut };
};

/** The headers of a mail's head (the bytes up to the first empty line), or undefined if they don't end within it. */
export const parseHead = async (head: Uint8Array): Promise<Email | undefined> => {
  const text = Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString('latin1');
  const end = /\r?\n\r?\n/.exec(text);
  if (!end) return undefined;
  try {
    return await PostalMime.parse(Buffer.from(`${text.slice(0, end.index)}\r\n\r\n`, 'latin1'));
  } catch {
    return undefined;
  }
};
