import type { Brand } from './brands.js';
import { html, type SafeHtml } from './html.js';
import type { Language } from './i18n.js';
import { pickLanguage, stringsFor } from './strings.js';
import { font, hairline, layout, muted } from './layout.js';
import { cap, oneLine, preview } from './plain-text.js';

/**
 * Cognito's own mails (the custom message trigger) in the brands' layout: the invitation with a
 * temporary password and the password reset code. Cognito fills in its placeholders after the
 * trigger returns, so they are written verbatim (HTML escaping leaves `{`, `}` and `#` alone),
 * and it refuses a message over 20,000 UTF-8 bytes, so the mail stays small.
 */
export interface AccountMailContext {
  kind: 'invitation' | 'password_reset';
  brand: Brand;
  language: Language;
  name?: string;
  /** The address the person signs in with (an invitation shows it, not Cognito's opaque username). */
  email?: string;
  /** Cognito's placeholders, kept verbatim in the output */
  usernamePlaceholder: string;
  codePlaceholder: string;
  requestId?: string;
  requestTitle?: string;
  /** The organisation an invitation makes the person one of. */
  organisationName?: string;
  /** How long the temporary password works (the pool's TemporaryPasswordValidityDays). */
  validityDays: number;
  loginUrl: string;
}

/** Cognito's limit on the custom message, in UTF-8 bytes. */
export const cognitoMessageLimit = 20_000;

/** A secret or a username to copy: large, monospaced, on its own line. */
const token = (label: string, value: string, first: boolean): SafeHtml =>
  html`<tr><td style="padding:10px 14px;${first ? '' : `border-top:1px solid ${hairline};`}"><span style="display:block;font-size:13px;color:${muted};">${label}</span><span style="display:block;font-family:Consolas,Menlo,Monaco,monospace;font-size:18px;font-weight:700;letter-spacing:0.5px;word-break:break-all;">${value}</span></td></tr>`;

/**
 * Cognito requires its username placeholder in an invitation; with e-mail sign-in the username is
 * an opaque id, so it is said in small print, as the account's id, and the address is what to type.
 */
const accountId = (label: string, usernamePlaceholder: string): SafeHtml =>
  html`<p style="margin:0 0 16px;font-size:12px;color:${muted};">${label}: <span>${usernamePlaceholder}</span></p>`;

const tokens = (rows: SafeHtml[]): SafeHtml =>
  html`<table role="presentation" width="100%" cellspacing="0" cellpadding="0" border="0" style="margin:0 0 16px;border:1px solid ${hairline};border-radius:6px;border-collapse:separate;font-family:${font};">${rows}</table>`;

export const renderAccountMail = (c: AccountMailContext): { subject: string; html: string } => {
  const language = pickLanguage(c.language);
  const a = stringsFor(language).account;
  const brandName = c.brand.name;
  // The name Cognito holds (set at invitation), on one line and of a sane length; without one, the plain greeting.
  const greeting = html`<p style="margin:0 0 16px;">${a.greeting(cap(oneLine(c.name ?? ''), 100))}</p>`;
  if (c.kind === 'invitation') {
    const intro = c.requestId
      ? a.invitedToRequest(brandName, c.requestId, oneLine(c.requestTitle ?? ''))
      : c.organisationName
        ? a.invitedToOrganisation(brandName, oneLine(c.organisationName))
        : a.invitedTo(brandName);
    const subject = cap(oneLine(a.invitationSubject(brandName)), 200);
    return {
      subject,
      html: layout({
        language,
        brand: c.brand,
        title: subject,
        preheader: preview(intro),
        heading: a.invitationHeading,
        content: html`${greeting}<p style="margin:0 0 16px;">${intro}</p>${tokens([c.email ? token(a.signInEmail, c.email, true) : token(a.username, c.usernamePlaceholder, true), token(a.temporaryPassword, c.codePlaceholder, false)])}<p style="margin:0 0 16px;">${a.signInAndChoose} ${a.validFor(c.validityDays)}</p>${c.email ? accountId(a.accountId, c.usernamePlaceholder) : ''}`,
        button: { label: a.signIn, url: c.loginUrl },
        footer: { why: a.invitationWhy(brandName), links: [] },
      }),
    };
  }
  const subject = cap(oneLine(a.resetSubject(brandName)), 200);
  return {
    subject,
    html: layout({
      language,
      brand: c.brand,
      title: subject,
      // The code stays out of the preview: previews show on locked phones.
      preheader: preview(a.resetHowTo),
      heading: a.resetHeading,
      content: html`${greeting}${tokens([token(a.resetCode, c.codePlaceholder, true)])}<p style="margin:0 0 16px;">${a.resetHowTo}</p>`,
      footer: { why: a.resetWhy(brandName), links: [] },
    }),
  };
};
