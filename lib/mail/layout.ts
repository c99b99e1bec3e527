import type { Brand } from './brands.js';
import { html, safeUrl, type SafeHtml } from './html.js';
import type { Language } from './i18n.js';
import { cssColor } from './markdown.js';

/**
 * The one HTML frame of every mail. Mail clients (Outlook on Windows above all) ignore most of
 * CSS, so it is tables and inline styles: a 600 px card that shrinks to the phone's width, a
 * coloured header with the brand's wordmark in text (no images to block or fetch), the content,
 * one button and a footer saying why the mail came and how to get fewer. No external resources,
 * no scripts.
 */

export interface LayoutInput {
  language: Language;
  brand: Brand;
  /** The document title: the subject. */
  title: string;
  /** The inbox preview line, hidden in the body. */
  preheader: string;
  /** Small line above the heading, e.g. the request number. */
  eyebrow?: string;
  heading: string;
  content: SafeHtml;
  button?: { label: string; url: string };
  footer: { why: string; links: { label: string; url: string }[] };
}

export const font = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
export const muted = '#5f6672';
export const hairline = '#e3e5e8';

/** Colours of a brand, each checked before it goes into a style attribute. */
export const paletteOf = (brand: Brand) => ({
  primary: cssColor(brand.colors.primary, '#333333'),
  accent: cssColor(brand.colors.accent, '#999999'),
  text: cssColor(brand.colors.text, '#1f2328'),
  background: cssColor(brand.colors.background, '#f3f4f6'),
});

/** Fillers after the preheader, so the preview does not run on into the mail's first words. */
const previewFiller = html`${Array.from({ length: 30 }, () => html`&#847;&zwnj;&nbsp;`)}`;

/** A button that survives Outlook: a coloured cell with a padded link inside. */
export const button = (label: string, url: string, color: string): SafeHtml => html`<table role="presentation" cellspacing="0" cellpadding="0" border="0" style="margin:8px 0 4px;">
<tr><td style="border-radius:6px;background:${color};" bgcolor="${color}"><a href="${safeUrl(url)}" target="_blank" rel="noopener noreferrer" style="display:inline-block;padding:12px 22px;font-family:${font};font-size:16px;font-weight:600;line-height:1.2;color:#ffffff;text-decoration:none;border-radius:6px;">${label}</a></td></tr>
</table>`;

export const layout = (input: LayoutInput): string => {
  const colors = paletteOf(input.brand);
  const links = input.footer.links.map(
    (link, i) => html`${i > 0 ? html` &nbsp;·&nbsp; ` : ''}<a href="${safeUrl(link.url)}" target="_blank" rel="noopener noreferrer" style="color:${muted};text-decoration:underline;">${link.label}</a>`,
  );
  return `<!DOCTYPE html>\n${html`<html lang="${input.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<meta name="color-scheme" content="light">
<meta name="supported-color-schemes" content="light">
<title>${input.title}</title>
</head>
<body style="margin:0;padding:0;width:100%;background:${colors.background};-webkit-text-size-adjust:100%;">
<div style="display:none;max-height:0;max-width:0;overflow:hidden;opacity:0;mso-hide:all;font-size:1px;line-height:1px;color:${colors.background};">${input.preheader}${previewFiller}</div>
<table role="presentation" width="100%" cellspacing="0" cellpadding="0" border="0" style="background:${colors.background};" bgcolor="${colors.background}">
<tr><td align="center" style="padding:24px 10px;">
<table role="presentation" width="100%" cellspacing="0" cellpadding="0" border="0" style="width:100%;max-width:600px;background:#ffffff;border-radius:8px;overflow:hidden;" bgcolor="#ffffff">
<tr><td style="padding:18px 24px;background:${colors.primary};" bgcolor="${colors.primary}">
<span style="display:inline-block;width:10px;height:10px;margin-right:8px;border-radius:2px;background:${colors.accent};vertical-align:middle;"></span><span style="font-family:${font};font-size:20px;font-weight:700;letter-spacing:0.3px;color:#ffffff;vertical-align:middle;">${input.brand.name}</span>
</td></tr>
<tr><td style="height:4px;line-height:4px;font-size:4px;background:${colors.accent};" bgcolor="${colors.accent}">&nbsp;</td></tr>
<tr><td style="padding:24px 24px 8px;font-family:${font};font-size:16px;line-height:1.5;color:${colors.text};word-break:break-word;overflow-wrap:anywhere;">
${input.eyebrow ? html`<p style="margin:0 0 4px;font-size:13px;line-height:1.4;color:${muted};">${input.eyebrow}</p>` : ''}
<h1 style="margin:0 0 20px;font-size:21px;line-height:1.3;font-weight:700;color:${colors.text};">${input.heading}</h1>
${input.content}
${input.button ? button(input.button.label, input.button.url, colors.primary) : ''}
</td></tr>
<tr><td style="padding:20px 24px 24px;font-family:${font};font-size:13px;line-height:1.5;color:${muted};">
<p style="margin:0 0 8px;padding-top:16px;border-top:1px solid ${hairline};">${input.footer.why}</p>
${input.footer.links.length ? html`<p style="margin:0;">${links}</p>` : ''}
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>`}`;
};
