import { createHash } from 'node:crypto';
import PostalMime, { type Email } from 'postal-mime';
import { maxInboundMailBytes } from '../../../config/limits.js';
import { attachmentKey } from '../../../domain/attachment-rules.js';
import { confirmed, type Attachment } from '../../../domain/attachment.js';
import { ForbiddenError, NotFoundError } from '../../../domain/errors.js';
import type { InboundOutcome } from '../../../domain/mail/inbound-mail.js';
import { newReplyText } from '../../../mail/reply/reply-text.js';
import { cap } from '../../../mail/plain-text.js';
import { maxMessageLength, postMessage } from '../../requests/messages.js';
import { openCallerRequest } from '../../requests/open-request.js';
import type { InboundMailDeps } from '../../ports/deps.js';
import { attachmentIdOf, filesOf, headBytes, parseHead } from './parse.js';
import { claimsOf, screen, type Known } from './screen.js';
import { refused } from './refusal.js';

/** What a message made of files only says: their names (a message is never empty). */
const filesOnly = (fileNames: readonly string[]) => `📎 ${fileNames.join(', ')}`;

/**
 * Handles one stored mail, start to end: read, screened, its reply address checked, then posted
 * as its sender's message with the files it brought (stored as uploads are), or refused. Every
 * refusal is an outcome; only an outage throws (and the event is retried).
 */
export const handleMail = async (deps: InboundMailDeps, objectKey: string, now: Date): Promise<InboundOutcome> => {
  const size = await deps.mailbox.size(objectKey);
  if (size === undefined) return refused(deps, objectKey, { answerable: false }, 'missing', undefined, now);
  if (size > maxInboundMailBytes) {
    // Only the head is read: enough to know whether the sender may be told.
    const head = await parseHead(await deps.mailbox.readStart(objectKey, headBytes));
    const screened = head ? screen(head) : { known: { answerable: false } };
    const known = screened.refusal ? { ...screened.known, answerable: false } : screened.known;
    return refused(deps, objectKey, known, 'too-large', `${size} bytes, more than ${maxInboundMailBytes}`, now);
  }

  let mail: Email;
  try {
    mail = await PostalMime.parse(await deps.mailbox.read(objectKey), { attachmentEncoding: 'arraybuffer' });
  } catch (error) {
    return refused(deps, objectKey, { answerable: false }, 'unreadable', error instanceof Error ? error.message : String(error), now);
  }
  const { refusal, known } = screen(mail);
  if (refusal) return refused(deps, objectKey, known, refusal.reason, refusal.detail, now);
  const sender = known.sender!;

  const found = await claimsOf(deps, mail, now);
  if ('reason' in found) return refused(deps, objectKey, known, found.reason, found.detail, now);
  const { requestId, userId } = found.claims;
  const about: Known = { ...known, requestId };
  const user = await deps.users.getUser(userId);
  if (!user) return refused(deps, objectKey, about, 'unknown-person', `user ${userId}`, now);
  if (user.email.toLowerCase() !== sender) return refused(deps, objectKey, about, 'wrong-sender', `the reply address is ${userId}'s`, now);

  // The same access rules as the API: someone removed from the request, or moved elsewhere, may not post.
  const caller = { userId };
  let orgId: string;
  try {
    orgId = (await openCallerRequest(deps, caller, requestId)).request.orgId;
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof ForbiddenError) return refused(deps, objectKey, about, 'no-access', error.message, now);
    throw error;
  }

  const text = cap(newReplyText(mail).trim(), maxMessageLength);
  const { kept, leftOut } = filesOf(mail.attachments);
  if (!text && kept.length === 0) return refused(deps, objectKey, about, 'empty-reply', leftOut.length ? `${leftOut.length} files left out` : undefined, now);

  // Stored as confirmed uploads are (`orgs/…`, an uploaded attachment item whose scan is pending),
  // then cited by the message while the malware scan runs (never downloadable until clean).
  const createdAt = now.toISOString();
  const attachments: Attachment[] = kept.map(({ part, fileName, content }, index) => {
    const attachmentId = attachmentIdOf(objectKey, index);
    return confirmed({
      attachmentId,
      requestId,
      orgId,
      fileName,
      contentType: part.mimeType,
      size: content.byteLength,
      key: attachmentKey(orgId, requestId, attachmentId, fileName),
      status: 'pending',
      scan: 'pending',
      visibility: 'all',
      uploadedBy: userId,
      createdAt,
    });
  });
  // The items first, so the scan's verdict finds its file's item. A mail handled again (an outage
  // after this) keeps the items and verdicts stored before, and puts again only the files still
  // pending: an infected file moved out of reach is not put back.
  const stored = await Promise.all(attachments.map((attachment) => deps.attachments.get(requestId, attachment.attachmentId)));
  const fresh = attachments.filter((_, index) => stored[index] === undefined);
  if (fresh.length > 0) await deps.unitOfWork.commit(fresh.map((attachment) => deps.attachments.announce(attachment)));
  await Promise.all(
    kept.map(({ content }, index) => (stored[index] === undefined || stored[index]!.scan === 'pending' ? deps.files.put(attachments[index]!.key, content, attachments[index]!.contentType) : undefined)),
  );

  const body = text || filesOnly(attachments.map((attachment) => attachment.fileName));
  // The stored mail's key makes the post idempotent: a redelivered event replays the first post.
  const idempotencyKey = `inbound-mail:${createHash('sha256').update(objectKey).digest('hex').slice(0, 40)}`;
  try {
    const entry = await postMessage(
      deps,
      caller,
      requestId,
      { body, format: 'text', internal: false, attachmentIds: attachments.map((attachment) => attachment.attachmentId) },
      idempotencyKey,
      new Set(attachments.map((attachment) => attachment.attachmentId)),
    );
    return { outcome: 'posted', objectKey, sender, requestId, userId, entryId: entry.entryId, attachmentIds: attachments.map((a) => a.attachmentId), leftOut };
  } catch (error) {
    // Removed from the request between the check and the post.
    if (error instanceof NotFoundError || error instanceof ForbiddenError) return refused(deps, objectKey, about, 'no-access', error.message, now);
    throw error;
  }
};
