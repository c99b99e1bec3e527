import { html } from './html.js';
import { oneLine } from './plain-text.js';

/**
 * The one answer a refused reply may get: plain, in Czech and English, saying only that the reply
 * was not added and where to write instead. It names no request, quotes nothing of the mail and
 * never says why (whoever wrote learns nothing about tokens, people or requests from it).
 */
export const replyRefusedMail = (portalUrls: readonly string[]) => {
  const links = [...new Set(portalUrls)];
  const subject = 'Vaši odpověď jsme nemohli přidat / We could not add your reply';
  const text = [
    'Dobrý den,',
    '',
    'vaši odpověď e-mailem se nepodařilo přidat k požadavku. Napište ji prosím v portálu:',
    ...links,
    '',
    'Tato zpráva byla odeslána automaticky, neodpovídejte na ni.',
    '',
    '---',
    '',
    'Hello,',
    '',
    'your reply by e-mail could not be added to the request. Please write it in the portal:',
    ...links,
    '',
    'This message was sent automatically; please do not reply to it.',
    '',
  ].join('\n');
  const linkList = links.map((url) => html`<a href="${url}">${url}</a><br>`);
  const body = html`<!doctype html><html><body style="font-family: sans-serif">
<p lang="cs">Dobrý den,</p>
<p lang="cs">vaši odpověď e-mailem se nepodařilo přidat k požadavku. Napište ji prosím v portálu:<br>${linkList}</p>
<p lang="cs">Tato zpráva byla odeslána automaticky, neodpovídejte na ni.</p>
<hr>
<p lang="en">Hello,</p>
<p lang="en">your reply by e-mail could not be added to the request. Please write it in the portal:<br>${linkList}</p>
<p lang="en">This message was sent automatically; please do not reply to it.</p>
</body></html>`;
  return { subject: oneLine(subject), text, html: body.toString() };
};
