import { describe, expect, it } from 'vitest';
import { routes } from '../../../lib/http/routes.js';
import { ok } from '../../support/api-client.js';
import { lookAt, openPortal, signIn, useBrowser } from '../../support/browser.js';
import { freshOrganisation } from '../../support/fresh-organisation.js';

const browser = useBrowser();

describe('the portal: mail settings', () => {
  it('changes the mail language and scope on Azami in English, and unmutes a muted request', async () => {
    const org = await freshOrganisation('Mailprefs');
    const { requestId } = ok(await org.admin.send(routes.createRequest, { body: { type: 'defect', title: 'Newsletter form fails', description: 'It does.', platform: 'azami' } }));
    ok(await org.admin.send(routes.muteRequest, { path: { requestId } }));

    const tab = await openPortal(browser(), 'azami', 'en');
    const { page } = tab;
    page.setDefaultTimeout(10_000);
    await page.goto(tab.url('/settings/mail'));
    await page.waitForURL(/\/sign-in\?next=/);
    await signIn(tab, org.emails.admin, org.passwords.admin);
    await page.getByRole('heading', { name: 'Mail settings', level: 1 }).waitFor();
    await expect.poll(() => page.getByRole('radio', { name: 'Čeština' }).isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: /Every request I may see/ }).isChecked()).toBe(true);
    await expect.poll(() => page.locator('.muted-request .title').allTextContents()).toEqual(['Newsletter form fails']);
    await lookAt(tab, 'mail-settings-azami-en');

    await page.getByRole('radio', { name: 'English' }).check();
    await page.getByRole('radio', { name: /Only my own requests/ }).check();
    await page.getByRole('button', { name: 'Save mail settings' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Saved. Your e-mails now come in English and are about your own requests.');
    expect(ok(await org.admin.send(routes.getPreferences))).toMatchObject({ language: 'en', mailScope: 'own' });
    await lookAt(tab, 'mail-settings-saved-azami-en');

    // A reload shows what is saved.
    await page.reload();
    await expect.poll(() => page.getByRole('radio', { name: 'English' }).isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: /Only my own requests/ }).isChecked()).toBe(true);

    await page.getByRole('button', { name: `Unmute #${requestId}` }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe(`Unmuted: you get e-mails about #${requestId} again.`);
    await expect.poll(() => page.locator('.muted-requests .empty').textContent()).toContain('You have muted no request');
    expect(ok(await org.admin.send(routes.getPreferences)).mutedRequests).toEqual([]);
    await lookAt(tab, 'mail-settings-unmuted-azami-en');
  }, 90_000);
});
