import type { Brand } from './brands.js';
import { html } from './html.js';
import type { Language } from './i18n.js';
import { font, hairline, layout, muted } from './layout.js';
import { cap, oneLine, preview } from './plain-text.js';
import { pickLanguage } from './strings.js';

/**
 * The mail to the agency's admins when orderdesk disabled a webhook subscription whose receiver
 * kept failing for days: which one, since when, what came back last, and what to do (fix the
 * receiver, enable the subscription again, send the parked deliveries again). Written like the
 * account mails: the brand's frame, plain words, one button to the portal's webhooks page.
 */
export interface WebhookDisabledMail {
  brand: Brand;
  language: Language;
  name?: string;
  url: string;
  description?: string;
  failingSince: string;
  /** What the last try got: `HTTP 500`, `timeout`, … */
  lastError?: string;
  /** The portal's page of the webhook subscriptions. */
  webhooksUrl: string;
}

/** Date and time in Prague, where the agency works, in the language's style. */
const when = (iso: string, language: Language) =>
  new Intl.DateTimeFormat(language === 'cs' ? 'cs-CZ' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Prague' }).format(new Date(iso));

const words = {
  cs: {
    greeting: (name: string) => (name ? `Dobrý den, ${name},` : 'Dobrý den,'),
    subject: 'Webhook byl vypnut: příjemce dlouho neodpovídá',
    heading: 'Webhook jsme vypnuli',
    intro: (days: number) => `Příjemce webhooku nepřijal žádnou zprávu už ${days} dní, a tak jsme odběr vypnuli. Další události mu neposíláme, dokud ho znovu nezapnete.`,
    url: 'Adresa',
    description: 'Popis',
    since: 'Selhává od',
    last: 'Poslední odpověď',
    todo: 'Opravte příjemce, odběr znovu zapněte a nedoručené zprávy pošlete znovu ze seznamu doručení.',
    button: 'Otevřít webhooky',
    why: 'Tento e-mail dostávají administrátoři agentury, protože spravují webhooky orderdesku.',
  },
  en: {
    greeting: (name: string) => (name ? `Hello ${name},` : 'Hello,'),
    subject: 'Webhook disabled: its receiver has been failing',
    heading: 'We disabled a webhook',
    intro: (days: number) => `The webhook’s receiver has accepted no delivery for ${days} days, so we disabled the subscription. No further events are sent to it until you enable it again.`,
    url: 'URL',
    description: 'Description',
    since: 'Failing since',
    last: 'Last answer',
    todo: 'Fix the receiver, enable the subscription again, and send the undelivered events again from its list of deliveries.',
    button: 'Open webhooks',
    why: 'Agency admins get this e-mail because they manage orderdesk’s webhooks.',
  },
} as const;

const row = (label: string, value: string, first: boolean) =>
  html`<tr><td style="padding:8px 14px;${first ? '' : `border-top:1px solid ${hairline};`}"><span style="display:block;font-size:13px;color:${muted};">${label}</span><span style="display:block;word-break:break-all;">${value}</span></td></tr>`;

export const renderWebhookDisabledMail = (mail: WebhookDisabledMail, disabledAfterDays: number): { subject: string; html: string; text: string } => {
  const language = pickLanguage(mail.language);
  const w = words[language];
  const name = cap(oneLine(mail.name ?? ''), 100);
  const facts: [string, string][] = [
    [w.url, mail.url],
    ...(mail.description ? [[w.description, cap(oneLine(mail.description), 200)] as [string, string]] : []),
    [w.since, when(mail.failingSince, language)],
    ...(mail.lastError ? [[w.last, mail.lastError] as [string, string]] : []),
  ];
  const subject = w.subject;
  const intro = w.intro(disabledAfterDays);
  const body = layout({
    language,
    brand: mail.brand,
    title: subject,
    preheader: preview(intro),
    heading: w.heading,
    content: html`<p style="margin:0 0 16px;">${w.greeting(name)}</p><p style="margin:0 0 16px;">${intro}</p><table role="presentation" width="100%" cellspacing="0" cellpadding="0" border="0" style="margin:0 0 16px;border:1px solid ${hairline};border-radius:6px;border-collapse:separate;font-family:${font};">${facts.map(([label, value], i) => row(label, value, i === 0))}</table><p style="margin:0 0 16px;">${w.todo}</p>`,
    button: { label: w.button, url: mail.webhooksUrl },
    footer: { why: w.why, links: [] },
  });
  const text = [w.greeting(name), '', intro, '', ...facts.map(([label, value]) => `${label}: ${value}`), '', w.todo, '', `${w.button}: ${mail.webhooksUrl}`, '', '—', w.why, ''].join('\n');
  return { subject, html: body, text };
};
