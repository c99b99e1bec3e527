import { createHash } from 'node:crypto';
import PostalMime, { type Address, type Attachment as MailPart, type Email } from 'postal-mime';
import { maxInboundMailBytes } from '../../config/limits.js';
import { allowedContentTypes, attachmentKey, maxAttachmentBytes, sanitizeFileName } from '../../domain/attachment-rules.js';
import { confirmed, type Attachment } from '../../domain/attachment.js';
import { ForbiddenError, NotFoundError } from '../../domain/errors.js';
import {
  automaticMarker,
  recipientAddresses,
  sesVerdicts,
  unanswered,
  type InboundOutcome,
  type InboundRefusal,
  type LeftOut,
  type MailHeader,
} from '../../domain/mail/inbound-mail.js';
import { ReplyTokenError, replyTokenOf, verifyReplyToken, type ReplyClaims } from '../../domain/mail/reply-token.js';
import { platforms } from '../../domain/platform.js';
import { epochSeconds } from '../../domain/time.js';
import { newReplyText } from '../../mail/reply/reply-text.js';
import { brands } from '../../mail/brands.js';
import { replyRefusedMail } from '../../mail/reply-refused.js';
import { cap, oneLine } from '../../mail/plain-text.js';
import { logger } from '../../observability/logger.js';
import type { MetricName } from '../../observability/metric-names.js';
import { maxMessageLength, postMessage } from '../requests/messages.js';
import { openCallerRequest } from '../requests/open-request.js';
import type { InboundMailDeps } from '../ports/deps.js';

/** At most one answer to a refused reply per sender address in this long. */
export const answerWindowSeconds = 24 * 60 * 60;
/** How much of a mail too large to read is read for its headers. */
export const headBytes = 64 * 1024;
/** As many files as one message may cite (`POST /requests/{id}/messages`). */
export const maxMailAttachments = 20;

/** What is known of a mail when it is refused: whom to answer, if anyone, and about what. */
interface Known {
  sender?: string;
  /** The sender is authenticated (SES's DMARC pass) and the mail is no automatic one: an answer is no backscatter. */
  answerable: boolean;
  messageId?: string;
  requestId?: string;
}

const mailboxOf = (address: Address | undefined): string | undefined => (address?.address ? address.address.trim().toLowerCase() : undefined);
const addressesOf = (list: readonly Address[] | undefined): string[] =>
  (list ?? []).flatMap((address) => (address.group ? address.group.map((member) => member.address) : [address.address ?? '']));

const headersOf = (mail: Email): MailHeader[] => mail.headers.map(({ key, value }) => ({ key, value }));

/** A message id fit to be referred to in a header, or nothing. */
const referable = (messageId: string | undefined) => (messageId && /^<[^<>\s]{1,250}>$/.test(messageId.trim()) ? messageId.trim() : undefined);

/** An attachment id of its own for each file of one stored mail, the same every time it is handled (a UUID, version 8). */
const attachmentIdOf = (objectKey: string, index: number): string => {
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
const parseHead = async (head: Uint8Array): Promise<Email | undefined> => {
  const text = Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString('latin1');
  const end = /\r?\n\r?\n/.exec(text);
  if (!end) return undefined;
  try {
    return await PostalMime.parse(Buffer.from(`${text.slice(0, end.index)}\r\n\r\n`, 'latin1'));
  } catch {
    return undefined;
  }
};

/** What the headers allow before anything else is looked at: automatic mail is dropped, unauthenticated or flagged mail refused. */
const screen = (mail: Email): { refusal?: { reason: InboundRefusal; detail: string }; known: Known } => {
  const headers = headersOf(mail);
  const sender = mailboxOf(mail.from);
  const known: Known = { sender, answerable: false, messageId: referable(mail.messageId) };
  const automatic = automaticMarker(headers, sender);
  if (automatic) return { refusal: { reason: 'auto-submitted', detail: automatic }, known };
  const verdicts = sesVerdicts(headers);
  // Fail closed: no verdict of SES's is no pass.
  if (verdicts.dmarc !== 'pass') return { refusal: { reason: 'dmarc', detail: `dmarc=${verdicts.dmarc ?? 'missing'}` }, known };
  if (verdicts.virus === 'FAIL') return { refusal: { reason: 'virus', detail: 'X-SES-Virus-Verdict: FAIL' }, known };
  if (verdicts.spam === 'FAIL') return { refusal: { reason: 'spam', detail: 'X-SES-Spam-Verdict: FAIL' }, known };
  return { known: { ...known, answerable: true } };
};

/** The one answer to a refused reply, if it may go: at most one per sender address per `answerWindowSeconds`. */
const answer = async (deps: InboundMailDeps, known: Known, reason: InboundRefusal, now: Date): Promise<boolean> => {
  if (!known.answerable || !known.sender || unanswered.has(reason)) return false;
  if (!(await deps.records.claimAnswer(known.sender, now, answerWindowSeconds))) return false;
  try {
    const request = known.requestId ? await deps.requests.get(known.requestId) : undefined;
    const portals = (request ? [request.platform] : platforms).map((platform) => deps.site.portalUrl(platform));
    const mail = replyRefusedMail(portals);
    const inReplyTo = known.messageId;
    await deps.mailer.send({
      // The request's brand when the reply named one (its display names are plain ASCII).
      from: request ? `"${brands[request.platform].senderName}" <${oneLine(deps.site.mailFrom)}>` : oneLine(deps.site.mailFrom),
      to: known.sender,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      headers: {
        // RFC 3834: an automatic answer; autoresponders must not answer it in turn.
        'Auto-Submitted': 'auto-replied',
        'X-Auto-Response-Suppress': 'All',
        ...(inReplyTo ? { 'In-Reply-To': inReplyTo, References: inReplyTo } : {}),
      },
      tags: { kind: 'reply-refused' },
    });
    return true;
  } catch (error) {
    // The refusal stands; the sender just hears nothing (the day's answer is used up).
    logger.warn('could not answer a refused reply', { sender: known.sender, error });
    return false;
  }
};

const refused = async (deps: InboundMailDeps, objectKey: string, known: Known, reason: InboundRefusal, detail: string | undefined, now: Date): Promise<InboundOutcome> => ({
  outcome: reason === 'auto-submitted' ? 'dropped' : 'refused',
  objectKey,
  reason,
  ...(detail ? { detail } : {}),
  ...(known.sender ? { sender: known.sender } : {}),
  ...(known.requestId ? { requestId: known.requestId } : {}),
  answered: await answer(deps, known, reason, now),
});

const tokenRefusal = (error: ReplyTokenError): InboundRefusal => (error.reason === 'expired' ? 'expired-token' : 'forged-token');

/** The claims of the first reply address among the recipients, or why there is none to trust. */
const claimsOf = async (deps: InboundMailDeps, mail: Email, now: Date): Promise<{ claims: ReplyClaims } | { reason: InboundRefusal; detail: string }> => {
  const recipients = recipientAddresses(headersOf(mail), [...addressesOf(mail.to), ...addressesOf(mail.cc)]);
  const token = recipients.map((address) => replyTokenOf(address, deps.site.inboundDomain)).find((found) => found !== undefined);
  if (!token) return { reason: 'no-token', detail: `no reply address at ${deps.site.inboundDomain} among ${recipients.length} recipients` };
  try {
    return { claims: verifyReplyToken(await deps.replyKey(), token, now) };
  } catch (error) {
    if (error instanceof ReplyTokenError) return { reason: tokenRefusal(error), detail: error.message };
    throw error;
  }
};

/** What a message made of files only says: their names (a message is never empty). */
const filesOnly = (fileNames: readonly string[]) => `📎 ${fileNames.join(', ')}`;

/** Handles one stored mail, start to end; every refusal is an outcome, only an outage throws (and the event is retried). */
const handle = async (deps: InboundMailDeps, objectKey: string, now: Date): Promise<InboundOutcome> => {
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

  // Stored as confirmed uploads are (`orgs/…`, an uploaded attachment item), then cited by the message.
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
      visibility: 'all',
      uploadedBy: userId,
      createdAt,
    });
  });
  await Promise.all(kept.map(({ content }, index) => deps.files.put(attachments[index]!.key, content, attachments[index]!.contentType)));
  if (attachments.length > 0) await deps.unitOfWork.commit(attachments.map((attachment) => deps.attachments.announce(attachment)));

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
    );
    return { outcome: 'posted', objectKey, sender, requestId, userId, entryId: entry.entryId, attachmentIds: attachments.map((a) => a.attachmentId), leftOut };
  } catch (error) {
    // Removed from the request between the check and the post.
    if (error instanceof NotFoundError || error instanceof ForbiddenError) return refused(deps, objectKey, about, 'no-access', error.message, now);
    throw error;
  }
};

const outcomeMetrics = { posted: 'InboundMailPosted', refused: 'InboundMailRefused', dropped: 'InboundMailDropped' } as const satisfies Record<InboundOutcome['outcome'], MetricName>;

/** One structured line per mail: the outcome, its reason, the object, the sender, the request. */
const logOutcome = (outcome: InboundOutcome) => {
  if (outcome.outcome === 'posted') {
    const { leftOut, ...rest } = outcome;
    logger.info('inbound mail posted', { ...rest, leftOut: leftOut.map((file) => `${oneLine(file.fileName)} (${file.why})`) });
  } else if (outcome.outcome === 'dropped') logger.info('inbound mail dropped', outcome);
  else logger.warn('inbound mail refused', outcome);
};

/**
 * A mail SES received and stored under `mail/`: posted as its sender's message on the request
 * its reply address names, or refused (nothing posted, one line logged, the sender answered at
 * most once a day) or dropped (automatic mail: never answered). The stored mail stays as it is,
 * whatever becomes of it. Handling the same object again (a redelivered event) answers the first
 * outcome and does nothing more.
 */
export const receiveMail = async (deps: InboundMailDeps, objectKey: string): Promise<InboundOutcome> => {
  const now = deps.now();
  const earlier = await deps.records.handled(objectKey, now);
  if (earlier) {
    logger.info('inbound mail handled before: nothing done again', { objectKey, outcome: earlier.outcome });
    return { ...earlier, replayed: true };
  }
  const outcome = await handle(deps, objectKey, now);
  await deps.records.record(outcome, now);
  deps.metrics.count(outcomeMetrics[outcome.outcome]);
  logOutcome(outcome);
  return outcome;
};

/** How long the outcome of a stored mail is remembered: past any redelivery of its event (EventBridge gives up within a day). */
export const outcomeRetentionSeconds = 30 * 24 * 60 * 60;
export const outcomeExpiry = (now: Date) => epochSeconds(now) + outcomeRetentionSeconds;
