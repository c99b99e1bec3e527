import type { Role } from '../domain/roles.js';
import { html, safeUrl } from './html.js';
import { pickLanguage, stringsFor, type Strings } from './strings.js';
import { layout, muted, paletteOf } from './layout.js';
import type { MailContext, RenderedMail } from './mail-context.js';
import { oneLine, plainText, preview, subjectLine } from './plain-text.js';
import { templates } from './templates/index.js';

export type { Brand } from './brands.js';
export type { Language } from './i18n.js';
export type { MailContext, RenderedMail } from './mail-context.js';

/**
 * The notification mail for one timeline entry and one recipient: subject, HTML, text and
 * preheader in the recipient's language and the request's brand. Pure: no I/O, no clock.
 * Whether the recipient may see the entry at all (internal notes) is the caller's decision.
 */
export const renderMail = (context: MailContext): RenderedMail => {
  const { entry, request, brand, links } = context;
  const language = pickLanguage(context.recipient.language);
  const t = stringsFor(language);
  const template = templates[entry.kind];
  if (!template) throw new Error(`No mail template for timeline entry kind ${entry.kind}`);
  const primary = paletteOf(brand).primary;
  const parts = template({ context, t, primary });

  const subject = subjectLine(request.requestId, parts.summary, request.title);
  const byline = bylineOf(context, t);
  const preheader = preview(parts.preheader ? `${byline.actor}: ${parts.preheader}` : parts.summary);
  const status = t.statuses[request.status];
  const eyebrow = `${t.request(request.requestId)} · ${status}`;
  const requestUrl = safeUrl(links.request);
  const muteUrl = safeUrl(links.unsubscribe);
  const preferencesUrl = safeUrl(links.preferences);

  const content = html`<p style="margin:0 0 16px;">${t.greeting(context.recipient.name)}</p>
<p style="margin:0 0 2px;font-size:18px;line-height:1.35;font-weight:700;">${parts.summary}</p>
<p style="margin:0 0 16px;font-size:14px;line-height:1.4;color:${muted};">${byline.line}</p>
${parts.html}`;

  const body = layout({
    language,
    brand,
    title: subject,
    preheader,
    eyebrow,
    heading: request.title,
    content,
    button: { label: parts.button ?? t.openRequest, url: requestUrl },
    footer: {
      why: t.why(brand.name),
      links: [
        { label: t.mute, url: muteUrl },
        { label: t.preferences, url: preferencesUrl },
      ],
    },
  });

  const text = [
    `${t.request(request.requestId)}: ${oneLine(request.title)} (${status})`,
    t.greeting(plainText(context.recipient.name)),
    `${parts.summary}\n${plainText(byline.line)}`,
    parts.text,
    `${parts.button ?? t.openRequest}: ${requestUrl}`,
    `-- \n${t.why(brand.name)}\n${t.mute}: ${muteUrl}\n${t.preferences}: ${preferencesUrl}`,
  ]
    .filter((block) => block.trim() !== '')
    .join('\n\n');

  // Templates clean what they quote; this pass guarantees it for every value a template forgot.
  return { subject, html: body, text: `${plainText(text)}\n`, preheader };
};

/** Who acted and when. orderdesk itself (workflow, timers, payments) speaks as the brand. */
const bylineOf = ({ entry, brand }: MailContext, t: Strings) => {
  const system = entry.actorType === 'system';
  const actor = system ? brand.name : oneLine(entry.actorName);
  const role = system ? undefined : t.roles[entry.actorRole as Role];
  return { actor, line: [actor, role, t.date(entry.createdAt)].filter(Boolean).join(' · ') };
};
