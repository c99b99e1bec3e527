import { describe, expect, it } from 'vitest';
import { routes } from '../../../lib/http/routes.js';
import { ok } from '../../support/api-client.js';
import { lookAt, openPortal, type PortalTab, useBrowser } from '../../support/browser.js';
import { freshOrganisation } from '../../support/fresh-organisation.js';
import { recipientOf, waitForMails, type SentMail } from '../../support/mailbox.js';

const browser = useBrowser();

/** The mail's button: `<portal>/requests/{id}?link=<token>`, as its text part has it. */
const openLinkOf = (mail: SentMail) => /https?:\/\/\S+\/requests\/[\w-]+\?link=[\w.-]+/.exec(mail.body.text ?? '')![0];
const muteLinkOf = (mail: SentMail) => /https?:\/\/\S+\/mute\?link=[\w.-]+/.exec(mail.body.text ?? '')![0];

const heading = async (tab: PortalTab, name: string) => {
  try {
    await tab.page.getByRole('heading', { name }).waitFor();
  } catch (error) {
    throw new Error(`no heading ${name} at ${tab.page.url()}: ${await tab.page.locator('body').innerText()}\nerrors: ${tab.errors.join('\n')}`, { cause: error });
  }
};

const signInHere = async (tab: PortalTab, password: string) => {
  await tab.page.locator('input[type=password]').fill(password);
  await tab.page.locator('form button[type=submit]').click();
  await tab.page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
};

describe('the portal: links from mails', () => {
  it('opens a mail’s link on Digimadi in English: sign in as the addressed person, then the request; someone else is told and may switch; a forged link says so; a mute link mutes', async () => {
    const org = await freshOrganisation('Links');
    const request = ok(
      await org.member.send(routes.createRequest, { body: { type: 'inquiry', title: 'A landing page for spring', description: 'Please.', platform: 'digimadi' } }),
    );
    const requestId = request.requestId;
    const toAdmin = (await waitForMails(requestId, (mails) => mails.some((m) => recipientOf(m) === org.emails.admin))).find((m) => recipientOf(m) === org.emails.admin)!;
    const link = openLinkOf(toAdmin);
    expect(link.startsWith('http://digimadi.localhost')).toBe(true);

    // A fresh browser: what the link opens, and who to sign in as.
    const tab = await openPortal(browser(), 'digimadi', 'en');
    const { page } = tab;
    page.setDefaultTimeout(10_000);
    await page.goto(link);
    await heading(tab, 'A request from your e-mail');
    await expect.poll(() => page.locator('.link-request-title').textContent()).toBe('A landing page for spring');
    await expect.poll(() => page.locator('main').textContent()).toContain(`This link was sent to ${org.emails.admin}.`);
    await lookAt(tab, 'mail-link-digimadi-en');
    await page.getByRole('link', { name: `Sign in as ${org.emails.admin}` }).click();
    await page.waitForURL(/\/sign-in\?/);
    expect(await page.locator('input[type=email]').inputValue()).toBe(org.emails.admin);
    await expect.poll(() => page.locator('.notice').textContent()).toContain(`sign in as ${org.emails.admin} to open the request`);
    await lookAt(tab, 'mail-link-sign-in-digimadi-en');
    await signInHere(tab, org.passwords.admin);
    await page.waitForURL(new RegExp(`/requests/${requestId}$`));
    await heading(tab, 'A landing page for spring');

    // Signed in as the addressed person, the link opens the request at once.
    await page.goto(link);
    await page.waitForURL(new RegExp(`/requests/${requestId}$`));
    await heading(tab, 'A landing page for spring');

    // A link to someone else (the member's mail about the admin's message): said, and a switch offered.
    ok(await org.admin.send(routes.postMessage, { path: { requestId }, body: { body: 'We will look at it.' }, headers: { 'idempotency-key': crypto.randomUUID() } }));
    const toMember = (await waitForMails(requestId, (mails) => mails.some((m) => recipientOf(m) === org.emails.member))).find((m) => recipientOf(m) === org.emails.member)!;
    await page.goto(openLinkOf(toMember));
    await expect.poll(() => page.locator('.notice').textContent()).toContain(`You are signed in as ${org.emails.admin}, but this link was sent to ${org.emails.member}`);
    await lookAt(tab, 'mail-link-someone-else-digimadi-en');
    await page.getByRole('button', { name: `Sign out and sign in as ${org.emails.member}` }).click();
    await page.waitForURL(/\/sign-in\?/);
    expect(await page.locator('input[type=email]').inputValue()).toBe(org.emails.member);
    await signInHere(tab, org.passwords.member);
    await page.waitForURL(new RegExp(`/requests/${requestId}$`));
    await heading(tab, 'A landing page for spring');

    // A link changed on the way is a sentence and a way on.
    const forged = link.replace(/.$/, (last) => (last === 'A' ? 'B' : 'A'));
    await page.goto(forged);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('This link is not valid');
    await page.getByRole('link', { name: 'Go to my requests' }).waitFor();
    await lookAt(tab, 'mail-link-forged-digimadi-en');

    // The mute link of the member's mail, in a fresh browser in Czech: what it mutes, a button, a confirmation.
    const muteTab = await openPortal(browser(), 'digimadi', 'cs');
    muteTab.page.setDefaultTimeout(10_000);
    await muteTab.page.goto(muteLinkOf(toMember));
    await heading(muteTab, 'Ztlumit e-maily o požadavku');
    await expect.poll(() => muteTab.page.locator('.link-request-title').textContent()).toBe(`Přestat posílat e-maily o požadavku #${requestId}?`);
    await lookAt(muteTab, 'mute-link-digimadi-cs');
    await muteTab.page.getByRole('button', { name: 'Ztlumit požadavek' }).click();
    await expect.poll(() => muteTab.page.getByRole('status').textContent()).toContain(`Hotovo: o #${requestId} vám už e-maily chodit nebudou.`);
    await lookAt(muteTab, 'mute-link-done-digimadi-cs');
    expect(ok(await org.member.send(routes.getPreferences)).mutedRequests).toContain(requestId);
  }, 120_000);
});
