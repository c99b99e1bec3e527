import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { routes } from '../../../lib/http/routes.js';
import { ok } from '../../support/api-client.js';
import { lookAt, openPortal, signIn, useBrowser } from '../../support/browser.js';
import { freshOrganisation } from '../../support/fresh-organisation.js';
import { mailsTo, type SentMail } from '../../support/mailbox.js';

const browser = useBrowser();

/** The values the invitation sets apart to copy (the username, then the temporary password). */
const tokensOf = (mail: SentMail) => [...(mail.body.html ?? '').matchAll(/font-family:Consolas[^"]*">([^<]*)<\/span>/g)].map((match) => match[1]!);

describe('the portal: inviting people to a request', () => {
  it('lets a client admin on Digimadi in Czech invite a person, who signs in for the first time with a password of their own and sees that request only', async () => {
    const org = await freshOrganisation('People');
    const file = async (title: string) =>
      ok(await org.admin.send(routes.createRequest, { body: { type: 'inquiry', title, description: 'Popis.', platform: 'digimadi' } })).requestId;
    const requestId = await file('Nový e-shop');
    const other = await file('Interní věc, která pozvaného nezajímá');
    const invitee = `ivana.${randomUUID().slice(0, 8)}@people-invite.example`;

    const tab = await openPortal(browser(), 'digimadi', 'cs');
    const { page } = tab;
    page.setDefaultTimeout(10_000);
    await page.goto(tab.url(`/requests/${requestId}?tab=people`));
    await page.waitForURL(/\/sign-in\?next=/);
    await signIn(tab, org.emails.admin, org.passwords.admin);
    await page.getByRole('heading', { name: 'Pozvaní lidé' }).waitFor();
    await expect.poll(() => page.locator('.people .empty').textContent()).toContain('zatím nikdo pozván není');
    await page.getByLabel('E-mail').fill(invitee);
    await page.getByLabel('Jméno').fill('Ivana Pozvaná');
    await lookAt(tab, 'people-digimadi-cs');
    await page.getByRole('button', { name: 'Pozvat' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Ivana Pozvaná je pozván(a)');
    await expect.poll(() => page.locator('.people-list .person strong').allTextContents()).toEqual(['Ivana Pozvaná']);
    expect(await page.getByLabel('E-mail').inputValue()).toBe('');
    await lookAt(tab, 'people-invited-digimadi-cs');

    // Inviting the same person again is a sentence, and what was typed stays.
    await page.getByLabel('E-mail').fill(invitee);
    await page.getByRole('button', { name: 'Pozvat' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Tento člověk už požadavek vidí');
    expect(await page.getByLabel('E-mail').inputValue()).toBe(invitee);

    // The invitation with the temporary password, in the local inbox.
    const [invitation] = await mailsTo(invitee);
    expect(invitation?.body.html).toContain(`#${requestId}`);
    const [, temporaryPassword] = tokensOf(invitation!);
    expect(temporaryPassword).toBeTruthy();

    // The invitee's first sign-in: the temporary password, then one of their own.
    const theirs = await openPortal(browser(), 'digimadi', 'cs');
    theirs.page.setDefaultTimeout(10_000);
    await theirs.page.goto(theirs.url('/sign-in'));
    await theirs.page.locator('input[type=email]').fill(invitee);
    await theirs.page.locator('input[type=password]').fill(temporaryPassword!);
    await theirs.page.locator('form button[type=submit]').click();
    await theirs.page.getByRole('heading', { name: 'Zvolte si heslo' }).waitFor();
    await lookAt(theirs, 'people-new-password-digimadi-cs');
    await theirs.page.getByLabel('Nové heslo').fill('Ivanino-vlastni-heslo-1');
    await theirs.page.getByRole('button', { name: 'Uložit a přihlásit' }).click();
    await theirs.page.getByRole('heading', { name: 'Moje požadavky' }).waitFor();
    await expect.poll(() => theirs.page.locator('.request-list .title').allTextContents()).toEqual(['Nový e-shop']);
    await lookAt(theirs, 'people-invitee-requests-digimadi-cs');
    await theirs.page.getByRole('link', { name: /Nový e-shop/ }).click();
    await theirs.page.getByRole('heading', { name: 'Nový e-shop' }).waitFor();
    // The organisation's other request is not theirs to see, even by its address.
    await theirs.page.goto(theirs.url(`/requests/${other}`));
    await expect.poll(() => theirs.page.getByRole('alert').textContent()).toContain('Tohle tu není, nebo to nemáte vidět');
  }, 120_000);
});
