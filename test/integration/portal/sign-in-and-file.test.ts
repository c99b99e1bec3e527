import { describe, expect, it } from 'vitest';
import { lookAt, openPortal, signIn, useBrowser } from '../../support/browser.js';
import { freshOrganisation } from '../../support/fresh-organisation.js';

const browser = useBrowser();

describe('the portal: signing in, filing a request, discussing it', () => {
  it('signs a client in on Azami in Czech, files an inquiry with a Markdown description, and discusses it', async () => {
    const org = await freshOrganisation('Portal');
    const tab = await openPortal(browser(), 'azami', 'cs');
    const { page } = tab;

    // A first visit: sent to sign-in, with no word of a session that never was.
    await page.goto(tab.url('/'));
    await page.waitForURL(/\/sign-in\?next=/);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Přihlášení');
    expect(await page.locator('.sign-in .notice').count()).toBe(0);
    await lookAt(tab, 'sign-in-azami-cs');
    await signIn(tab, org.emails.admin, org.passwords.admin);
    await page.getByRole('heading', { name: 'Moje požadavky' }).waitFor();
    await lookAt(tab, 'requests-empty-azami-cs');

    // The orange button at the bottom right files a request.
    await page.getByRole('link', { name: 'Nový požadavek' }).click();
    await page.getByLabel('Název').fill('Nový web pro jaro');
    await page.getByRole('textbox', { name: 'Popis' }).fill('Potřebujeme **novou** úvodní stránku:\n\n- jarní kampaň\n- formulář');
    await page.getByRole('button', { name: 'Náhled' }).click();
    await expect.poll(() => page.locator('.preview strong').textContent()).toBe('novou');
    await lookAt(tab, 'new-request-azami-cs');
    await page.getByRole('button', { name: 'Podat požadavek' }).click();

    await page.getByRole('heading', { name: 'Nový web pro jaro' }).waitFor();
    const requestId = /\/requests\/([\w-]+)/.exec(page.url())?.[1];
    expect(requestId).toBeDefined();
    // The description as the mails render it.
    await expect.poll(() => page.locator('.request-head .markdown li').allTextContents()).toEqual(['jarní kampaň', 'formulář']);

    await page.getByRole('textbox', { name: 'Vaše zpráva' }).fill('Termín je **konec března**.');
    await page.getByRole('button', { name: 'Odeslat' }).click();
    await expect.poll(() => page.locator('.entry-message .markdown strong').textContent()).toBe('konec března');
    await lookAt(tab, 'request-communication-azami-cs');

    // The list shows it with its status.
    await page.getByRole('link', { name: 'Moje požadavky' }).first().click();
    await expect.poll(() => page.locator('.request-list .title').allTextContents()).toEqual(['Nový web pro jaro']);
    await lookAt(tab, 'requests-azami-cs');

    // The session survives a reload; signing out ends it, and the requests then ask to sign in.
    await page.reload();
    await page.getByRole('heading', { name: 'Moje požadavky' }).waitFor();
    await page.getByRole('button', { name: 'Odhlásit' }).click();
    await page.waitForURL(/\/sign-in/);
    expect(await page.evaluate(() => localStorage.getItem('orderdesk.session'))).toBeNull();
    await page.goto(tab.url('/'));
    await page.waitForURL(/\/sign-in\?next=/);
    await page.getByRole('heading', { name: 'Přihlášení' }).waitFor();
    // Signed out on purpose: no "your session has ended" either.
    expect(await page.locator('.sign-in .notice').count()).toBe(0);
  });

  it('signs a client in on Digimadi in English and keeps the draft when the session has ended', async () => {
    const org = await freshOrganisation('Portal');
    const tab = await openPortal(browser(), 'digimadi', 'en');
    const { page } = tab;
    await page.goto(tab.url('/sign-in'));
    await expect.poll(() => page.title()).toBe('Digimadi Helpdesk');
    await lookAt(tab, 'sign-in-digimadi-en');
    await signIn(tab, org.emails.member, org.passwords.member);
    await page.getByRole('heading', { name: 'My requests' }).waitFor();

    await page.getByRole('link', { name: 'New request' }).click();
    await page.getByLabel('Title').fill('A typed title');
    await page.getByRole('textbox', { name: 'Description' }).fill('Typed before the session ended.');
    // The session ends (its token expired, its refresh token revoked elsewhere): renewal is refused,
    // the next step goes to sign-in, which says why, and back.
    await page.evaluate(() => {
      const kept = JSON.parse(localStorage.getItem('orderdesk.session') ?? '{}') as Record<string, unknown>;
      localStorage.setItem('orderdesk.session', JSON.stringify({ ...kept, expiresAt: 0, refreshToken: 'revoked-elsewhere' }));
    });
    await page.reload();
    await page.waitForURL(/\/sign-in\?next=/);
    await expect.poll(() => page.locator('.sign-in .notice').textContent()).toBe('Your session has ended. Sign in again to go on where you were; what you typed is kept.');
    await lookAt(tab, 'sign-in-session-ended-digimadi-en');
    await signIn(tab, org.emails.member, org.passwords.member);
    await page.waitForURL(/\/requests\/new/);
    await expect.poll(() => page.getByLabel('Title').inputValue()).toBe('A typed title');
    await expect.poll(() => page.getByRole('textbox', { name: 'Description' }).inputValue()).toBe('Typed before the session ended.');
    await lookAt(tab, 'new-request-digimadi-en');
  });

  it('shows a wrong password as a sentence and keeps the e-mail typed', async () => {
    const tab = await openPortal(browser(), 'azami', 'en');
    const { page } = tab;
    await page.goto(tab.url('/sign-in'));
    await page.locator('input[type=email]').fill('jana.novakova@acme.example');
    await page.locator('input[type=password]').fill('not-her-password');
    await page.locator('form button[type=submit]').click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('do not match');
    expect(await page.locator('input[type=email]').inputValue()).toBe('jana.novakova@acme.example');
    await lookAt(tab, 'sign-in-refused-azami-en');
  });
});
