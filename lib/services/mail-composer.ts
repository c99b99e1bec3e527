import { linkLifetimeDays, signLink, type LinkPurpose } from '../domain/mail/signed-token.js';
import type { Person } from '../domain/mail/notification-matrix.js';
import { defaultLanguage } from '../domain/mail/preferences.js';
import type { Request } from '../domain/request.js';
import type { TimelineEntry } from '../domain/timeline-entry.js';
import { brandOf } from '../mail/brands.js';
import { oneLine } from '../mail/plain-text.js';
import { renderMail, type MailContext } from '../mail/render-mail.js';
import type { MailAttachment, MailSite, OutgoingMail } from './mail-ports.js';

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
}

/** `"Azami Helpdesk" <helpdesk@…>`, the display name quoted (and RFC 2047-encoded when not ASCII). */
export const senderAddress = (name: string, address: string): string => {
  const clean = oneLine(name).replace(/["\\]/g, '');
  const display = /^[\x20-\x7e]*$/.test(clean) ? `"${clean}"` : `=?UTF-8?B?${Buffer.from(clean, 'utf8').toString('base64')}?=`;
  return `${display} <${oneLine(address)}>`;
};

/**
 * Writes one person's mail about an entry: the template in their language and the request's
 * brand, and links built from the deployment's configured URLs only (never from anything a
 * request carried), each signed for that person, that request and one purpose.
 */
export const composeMail = (site: MailSite, linkKey: Buffer, now: Date, { entry, request, person, digest, attachments }: Composition): OutgoingMail => {
  const portal = site.portalUrl(request.platform).replace(/\/+$/, '');
  const link = (purpose: LinkPurpose) =>
    signLink(linkKey, { purpose, requestId: request.requestId, userId: person.userId, expiresAt: new Date(now.getTime() + linkLifetimeDays[purpose] * dayMs) });
  const id = encodeURIComponent(request.requestId);
  const mute = link('mute');
  const brand = brandOf(request.platform, portal);
  const rendered = renderMail({
    entry,
    request: { requestId: request.requestId, title: request.title, status: request.status, platform: request.platform },
    recipient: { name: person.name, language: person.language ?? defaultLanguage },
    brand,
    links: {
      request: `${portal}/requests/${id}?link=${link('open')}`,
      unsubscribe: `${portal}/mute?link=${mute}`,
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
    headers: {
      // RFC 8058: one POST to this URL mutes the request for this person; a GET changes nothing.
      'List-Unsubscribe': `<${site.apiUrl.replace(/\/+$/, '')}/unsubscribe/${mute}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      // RFC 3834: an automatic mail; well-behaved autoresponders stay silent.
      'Auto-Submitted': 'auto-generated',
      'X-Auto-Response-Suppress': 'All',
    },
    tags: { request: request.requestId, recipient: person.userId },
    ...(attachments?.length ? { attachments: attachments.map((file) => ({ ...file, fileName: oneLine(file.fileName) })) } : {}),
  };
};
