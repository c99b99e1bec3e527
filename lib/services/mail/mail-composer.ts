import { replyAddress, replyKeyOf, signReplyToken } from '../../domain/mail/reply-token.js';
import { linkLifetimeDays, signLink, type LinkPurpose } from '../../domain/mail/signed-token.js';
import { portalMutePage } from '../../config/portal-urls.js';
import { actingRole, mayAcceptOffers } from '../../domain/access.js';
import { recipientAccess, type Person } from '../../domain/mail/notification-matrix.js';
import type { OrganisationSettings } from '../../domain/organisation.js';
import { defaultLanguage } from '../../domain/mail/preferences.js';
import type { Request } from '../../domain/request.js';
import { statusAfter, toTimelineEntryView, type TimelineEntry } from '../../domain/timeline-entry.js';
import { brandOf } from '../../mail/brands.js';
import { correlationTag } from '../../observability/correlation.js';
import { oneLine } from '../../mail/plain-text.js';
import { renderMail, type MailContext } from '../../mail/render-mail.js';
import type { MailAttachment, MailSite, MailThread, OutgoingMail } from '../ports/mail.js';

const dayMs = 86_400_000;

/** A reorder's mail shows the organisation's queue as it is when the mail is written. */
export interface ReorderDigest {
  orgName: string;
  queue: NonNullable<MailContext['queue']>;
  moved?: number;
}

export interface Composition {
  entry: TimelineEntry;
  request: Request;
  person: Person;
  digest?: ReorderDigest;
  /** Files the mail carries, already read (the order's PDF for `order_issued`). */
  attachments?: MailAttachment[];
  /** The mails this person had about this request before, if any: this one answers them. */
  thread?: MailThread;
  /**
   * The organisation's settings, for a mail that asks a member to decide on an offer (whether
   * members may accept one); without them, the defaults: only its admins accept.
   */
  settings?: Pick<OrganisationSettings, 'membersMayAcceptOffers'>;
}

/** `"Azami Helpdesk" <helpdesk@…>`, the display name quoted (and RFC 2047-encoded when not ASCII). */
export const senderAddress = (name: string, address: string): string => {
  const clean = oneLine(name).replace(/["\\]/g, '');
  const display = /^[\x20-\x7e]*$/.test(clean) ? `"${clean}"` : `=?UTF-8?B?${Buffer.from(clean, 'utf8').toString('base64')}?=`;
  return `${display} <${oneLine(address)}>`;
};

/** A Message-ID as SES writes them: `<…@…>`, nothing that could end a header line or another id. */
const messageIdForm = /^<[\x21-\x3b\x3d\x3f-\x7e]+@[\x21-\x3b\x3d\x3f-\x7e]+>$/;

/** How many Message-IDs `References` names: the first mail's and the last ones, up to this many in all. */
const referencesLength = 10;

/**
 * RFC 5322 threading headers for the next mail of a thread: `In-Reply-To` the last mail,
 * `References` the first and the last 9 (space-separated). SES replaces each mail's own Message-ID
 * but keeps these. On one line, kept within the 998 characters a header line may have (SES's ids
 * are about 90 characters: 10 fit), the oldest after the first dropped if ever they don't.
 */
export const threadHeaders = (thread: MailThread | undefined): Record<string, string> => {
  if (!thread) return {};
  const ids = [...new Set([thread.first, ...thread.recent.slice(-(referencesLength - 1))])].filter((id) => messageIdForm.test(id));
  while (ids.length > 1 && `References: ${ids.join(' ')}`.length > 998) ids.splice(ids.length > 2 ? 1 : 0, 1);
  const last = ids.at(-1);
  return last ? { 'In-Reply-To': last, References: ids.join(' ') } : {};
};

/**
 * Writes one person's mail about an entry: the template in their language and the request's
 * brand, and links built from the deployment's configured URLs only (never from anything a
 * request carried), each signed for that person, that request and one purpose.
 *
 * Every mail written here is about one request (a reorder's digest too: it is the moved request's
 * entry, and says so), so every one has a Reply-To of its own: `reply+<token>@<inbound domain>`,
 * the token naming the request and the person, issued now (the reply key is derived from the link
 * key: see reply-token.ts). A person whose id is not a UUID gets none; their replies go to the
 * sender, as before. Nor does an agency-only entry's mail. Cognito's account mails (codes,
 * invitations) name no request and are not written here: they have no reply address.
 */
export const composeMail = (site: MailSite, linkKey: Buffer, now: Date, { entry, request, person, digest, attachments, thread, settings }: Composition): OutgoingMail => {
  const portal = site.portalUrl(request.platform).replace(/\/+$/, '');
  const link = (purpose: LinkPurpose) =>
    signLink(linkKey, { purpose, requestId: request.requestId, userId: person.userId, expiresAt: new Date(now.getTime() + linkLifetimeDays[purpose] * dayMs) });
  const id = encodeURIComponent(request.requestId);
  const mute = link('mute');
  const brand = brandOf(request.platform, portal);
  // No reply address on an agency-only entry's mail (an internal note): a reply by mail is posted
  // as a message everyone on the request sees, so answering an internal note must go through the portal.
  const replyToken =
    entry.visibility === 'agency' ? undefined : signReplyToken(replyKeyOf(linkKey), { requestId: request.requestId, userId: person.userId, issuedAt: now });
  // The mail shows the entry as this person sees it on the timeline, and asks of them only what they may do.
  const access = recipientAccess(person, request);
  const rendered = renderMail({
    entry: toTimelineEntryView(entry, access),
    // A step's mail shows where that step left the request: it may have moved on since (mail goes out a moment later).
    request: { requestId: request.requestId, title: request.title, status: statusAfter(entry) ?? request.status, platform: request.platform },
    recipient: {
      name: person.name,
      language: person.language ?? defaultLanguage,
      access,
      mayAcceptOffers: mayAcceptOffers(actingRole(access, person), settings),
    },
    brand,
    links: {
      request: `${portal}/requests/${id}?link=${link('open')}`,
      unsubscribe: portalMutePage(portal, mute),
      preferences: `${portal}/settings/mail`,
    },
    ...(digest ? { queue: digest.queue, moved: digest.moved, orgName: digest.orgName } : {}),
  });
  return {
    from: senderAddress(brand.senderName, site.mailFrom),
    to: person.email,
    subject: oneLine(rendered.subject),
    html: rendered.html,
    text: rendered.text,
    ...(replyToken ? { replyTo: replyAddress(replyToken, site.inboundDomain) } : {}),
    headers: {
      // RFC 8058: one POST to this URL mutes the request for this person; a GET changes nothing.
      'List-Unsubscribe': `<${site.apiUrl.replace(/\/+$/, '')}/unsubscribe/${mute}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      // RFC 3834: an automatic mail; well-behaved autoresponders stay silent.
      'Auto-Submitted': 'auto-generated',
      'X-Auto-Response-Suppress': 'All',
      ...threadHeaders(thread),
    },
    // SES hands the tags back with a bounce or complaint: the request it was about, whom, and the action that made it.
    tags: { request: request.requestId, recipient: person.userId, ...(entry.correlationId ? { [correlationTag]: entry.correlationId } : {}) },
    ...(attachments?.length ? { attachments: attachments.map((file) => ({ ...file, fileName: oneLine(file.fileName) })) } : {}),
  };
};
