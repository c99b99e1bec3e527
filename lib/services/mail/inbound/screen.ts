// Whether a mail may be read on: automatic, unauthenticated or flagged mail is not, and a reply must carry a reply address orderdesk signed.
import type { Email } from 'postal-mime';
import { automaticMarker, recipientAddresses, sesVerdicts, type InboundRefusal } from '../../../domain/mail/inbound-mail.js';
import { ReplyTokenError, replyTokenOf, verifyReplyToken, type ReplyClaims } from '../../../domain/mail/reply-token.js';
import type { InboundMailDeps } from '../../ports/deps.js';
import { addressesOf, headersOf, mailboxOf, referable } from './parse.js';

/** What is known of a mail when it is refused: whom to answer, if anyone, and about what. */
export interface Known {
  sender?: string;
  /** The sender is authenticated (SES's DMARC pass) and the mail is no automatic one: an answer is no backscatter. */
  answerable: boolean;
  messageId?: string;
  requestId?: string;
}

/** What the headers allow before anything else is looked at: automatic mail is dropped, unauthenticated or flagged mail refused. */
export const screen = (mail: Email): { refusal?: { reason: InboundRefusal; detail: string }; known: Known } => {
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

const tokenRefusal = (error: ReplyTokenError): InboundRefusal => (error.reason === 'expired' ? 'expired-token' : 'forged-token');

/** The claims of the first reply address among the recipients, or why there is none to trust. */
export const claimsOf = async (deps: InboundMailDeps, mail: Email, now: Date): Promise<{ claims: ReplyClaims } | { reason: InboundRefusal; detail: string }> => {
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
