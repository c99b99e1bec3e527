import * as z from 'zod';
import { mailPrefix } from '../../config/access.js';
import { epochSeconds } from '../time.js';

/**
 * Inbound mail, the reply by e-mail: what the headers of a received mail say (is it automatic,
 * what did SES find, whom was it sent to) and what became of it. Pure: no SDK, no parser; the
 * headers are `{ key, value }` in document order, keys lowercase (as postal-mime gives them).
 */

export interface MailHeader {
  /** Lowercase. */
  key: string;
  value: string;
}

/**
 * Why a received mail posted nothing. Every one is logged with the stored object's key, the
 * sender and the request if known; `auto-submitted` mail is dropped rather than refused (never answered).
 */
export const InboundRefusal = z.enum([
  /** Larger than `maxInboundMailBytes`: not read whole. */
  'too-large',
  /** The object is not there (any more). */
  'missing',
  /** Not MIME the parser could read. */
  'unreadable',
  /** An out-of-office, a bounce, a list: `Auto-Submitted`, `X-Autoreply`, `Precedence`, a null sender. */
  'auto-submitted',
  /** SES's topmost Authentication-Results did not say `dmarc=pass` (or there was none of SES's). */
  'dmarc',
  /** SES's spam or virus verdict was FAIL. */
  'spam',
  'virus',
  /** No `reply+<token>@<inbound domain>` among the recipients. */
  'no-token',
  /** The token is not one this deployment made (malformed, or its MAC does not verify). */
  'forged-token',
  'expired-token',
  /** The token's person has no account (any more). */
  'unknown-person',
  /** The From address is not the token's person's. */
  'wrong-sender',
  /** The person may not see the request (any more): removed, moved to another organisation. */
  'no-access',
  /** No new text and no attachment left. */
  'empty-reply',
]);
export type InboundRefusal = z.infer<typeof InboundRefusal>;

/**
 * Refusals that never get an answer: automatic mail (no loops), mail whose From is not
 * authenticated (DMARC: it would be backscatter to whoever was spoofed), spam and viruses, and
 * what can't be read or isn't there (no sender to trust).
 */
export const unanswered: ReadonlySet<InboundRefusal> = new Set(['auto-submitted', 'dmarc', 'spam', 'virus', 'unreadable', 'missing']);

/** A file of the mail that was not attached to the message, and why. */
export const LeftOut = z.object({ fileName: z.string(), why: z.enum(['type', 'size', 'empty', 'too-many']) });
export type LeftOut = z.infer<typeof LeftOut>;

/** What became of one received mail: the inbound-mail function's answer, and its log line. */
export const InboundOutcome = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('posted'),
    objectKey: z.string(),
    sender: z.string(),
    requestId: z.string(),
    userId: z.string(),
    entryId: z.string(),
    /** The stored attachments' ids. */
    attachmentIds: z.array(z.string()),
    leftOut: z.array(LeftOut),
    /** This mail was handled before (a redelivered event): nothing was done again. */
    replayed: z.boolean().optional(),
  }),
  z.object({
    outcome: z.enum(['refused', 'dropped']),
    objectKey: z.string(),
    reason: InboundRefusal,
    detail: z.string().optional(),
    sender: z.string().optional(),
    requestId: z.string().optional(),
    /** Whether the sender was answered (at most once a day per address). */
    answered: z.boolean(),
    replayed: z.boolean().optional(),
  }),
]);
export type InboundOutcome = z.infer<typeof InboundOutcome>;

const first = (headers: readonly MailHeader[], key: string) => headers.find((header) => header.key === key)?.value;
const has = (headers: readonly MailHeader[], key: string) => headers.some((header) => header.key === key);

/** The lowercase address in `Name <a@b>` or `<a@b>` or `a@b`; `''` for the null sender `<>`. */
export const bareAddress = (text: string): string => (/<([^<>]*)>\s*$/.exec(text)?.[1] ?? text).trim().toLowerCase();

/**
 * Which header marks the mail as sent by a machine, if one does (RFC 3834 and the de-facto
 * headers of autoresponders and lists): such mail must never post, nor be answered.
 */
export const automaticMarker = (headers: readonly MailHeader[], from: string | undefined): string | undefined => {
  const autoSubmitted = first(headers, 'auto-submitted');
  if (autoSubmitted !== undefined && autoSubmitted.split(';')[0]!.trim().toLowerCase() !== 'no') return `Auto-Submitted: ${autoSubmitted.trim()}`;
  for (const key of ['x-autoreply', 'x-autorespond']) if (has(headers, key)) return key;
  const precedence = first(headers, 'precedence')?.trim().toLowerCase();
  if (precedence && ['bulk', 'junk', 'list', 'auto_reply'].includes(precedence)) return `Precedence: ${precedence}`;
  // The envelope sender SES recorded: empty for bounces (RFC 5321's null reverse-path).
  const returnPath = first(headers, 'return-path');
  if (returnPath !== undefined && bareAddress(returnPath) === '') return 'null sender';
  const sender = from?.toLowerCase() ?? '';
  if (sender === '' || sender.split('@')[0] === 'mailer-daemon') return `sender ${sender || 'missing'}`;
  // A delivery status notification (RFC 3464), whatever its other headers say.
  if (/^\s*multipart\/report\b/i.test(first(headers, 'content-type') ?? '')) return 'multipart/report';
  return undefined;
};

/** A header value without its comments (`(…)`, nested), so a comment can't pass for a result. */
const withoutComments = (value: string): string => {
  let out = '';
  let depth = 0;
  for (const char of value) {
    if (char === '(') depth += 1;
    else if (char === ')' && depth > 0) depth -= 1;
    else if (depth === 0) out += char;
  }
  return out;
};

/** What SES found, from the headers it prepends to a mail it stores (the S3 action). */
export interface SesVerdicts {
  /** `amazonses.com`'s DMARC result (`pass`, `fail`, `none`, …), undefined if SES's header is not the topmost. */
  dmarc?: string;
  spf?: string;
  dkim?: string;
  spam?: string;
  virus?: string;
}

/** The authserv-id SES writes: `Authentication-Results: amazonses.com; spf=pass …; dkim=pass …; dmarc=pass …`. */
export const sesAuthservId = 'amazonses.com';

/**
 * SES's verdicts. Only the topmost Authentication-Results counts, and only if SES wrote it
 * (authserv-id `amazonses.com`): SES prepends its own above everything the sender wrote, so a
 * sender's forged `Authentication-Results: amazonses.com; dmarc=pass` is always below it. The
 * spam and virus verdicts likewise are the topmost `X-SES-*-Verdict`.
 */
export const sesVerdicts = (headers: readonly MailHeader[]): SesVerdicts => {
  const spam = first(headers, 'x-ses-spam-verdict')?.trim().toUpperCase();
  const virus = first(headers, 'x-ses-virus-verdict')?.trim().toUpperCase();
  const results = first(headers, 'authentication-results');
  if (results === undefined) return { spam, virus };
  const [authservId, ...resinfo] = withoutComments(results).split(';');
  // RFC 8601: the authserv-id, optionally followed by a version.
  if (authservId?.trim().split(/\s+/)[0]?.toLowerCase() !== sesAuthservId) return { spam, virus };
  const result = (method: string) =>
    resinfo
      .map((part) => /^\s*([a-z0-9-]+)\s*=\s*([a-z]+)/i.exec(part))
      .find((match) => match?.[1]?.toLowerCase() === method)?.[2]
      ?.toLowerCase();
  return { dmarc: result('dmarc'), spf: result('spf'), dkim: result('dkim'), spam, virus };
};

/** The addresses a mail was delivered to: To, Cc, every Delivered-To, and the `for` of the topmost Received. */
export const recipientAddresses = (headers: readonly MailHeader[], listed: readonly string[]): string[] => {
  const deliveredTo = headers.filter((header) => header.key === 'delivered-to').map((header) => bareAddress(header.value));
  const received = first(headers, 'received');
  const receivedFor = received ? /\bfor\s+<?([^\s<>;]+@[^\s<>;]+?)>?\s*(?:;|$)/i.exec(received)?.[1] : undefined;
  return [...new Set([...listed.map(bareAddress), ...deliveredTo, ...(receivedFor ? [receivedFor.toLowerCase()] : [])].filter(Boolean))];
};

/**
 * EventBridge's S3 "Object Created" event for a mail SES stored under `mail/` (only what is read
 * of it is checked; EventBridge adds fields over time). SES names the object by its message id,
 * the local stack `<id>.eml`: plain characters only, so no encoding question arises.
 */
export const InboundMailEvent = z.looseObject({
  source: z.literal('aws.s3'),
  'detail-type': z.literal('Object Created'),
  detail: z.looseObject({
    bucket: z.looseObject({ name: z.string().min(1) }),
    object: z.looseObject({
      key: z
        .string()
        .max(512)
        .regex(new RegExp(`^${mailPrefix}[A-Za-z0-9._-]+$`), `must be a key under ${mailPrefix}`),
      size: z.number().int().nonnegative().optional(),
    }),
  }),
});
export type InboundMailEvent = z.infer<typeof InboundMailEvent>;

/** How long the outcome of a stored mail is remembered: past any redelivery of its event (EventBridge gives up within a day). */
export const outcomeRetentionSeconds = 30 * 24 * 60 * 60;
export const outcomeExpiry = (now: Date) => epochSeconds(now) + outcomeRetentionSeconds;
