// A refused mail's outcome, and the one answer its sender may get.
import { unanswered, type InboundOutcome, type InboundRefusal } from '../../../domain/mail/inbound-mail.js';
import { platforms } from '../../../domain/platform.js';
import { brands } from '../../../mail/brands.js';
import { replyRefusedMail } from '../../../mail/reply-refused.js';
import { oneLine } from '../../../mail/plain-text.js';
import { logger } from '../../../observability/logger.js';
import type { InboundMailDeps } from '../../ports/deps.js';
import type { Known } from './screen.js';

/** At most one answer to a refused reply per sender address in this long. */
export const answerWindowSeconds = 24 * 60 * 60;

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

export const refused = async (deps: InboundMailDeps, objectKey: string, known: Known, reason: InboundRefusal, detail: string | undefined, now: Date): Promise<InboundOutcome> => ({
  outcome: reason === 'auto-submitted' ? 'dropped' : 'refused',
  objectKey,
  reason,
  ...(detail ? { detail } : {}),
  ...(known.sender ? { sender: known.sender } : {}),
  ...(known.requestId ? { requestId: known.requestId } : {}),
  answered: await answer(deps, known, reason, now),
});
