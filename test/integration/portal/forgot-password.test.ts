import { describe, expect, it } from 'vitest';
import { lookAt, openPortal, signIn, useBrowser } from '../../support/browser.js';
import { freshOrganisation } from '../../support/fresh-organisation.js';
import { mailsTo } from '../../support/mailbox.js';
import { pollUntil } from '../../../local/poll.js';

const browser = useBrowser();

/** The code of the latest reset mail to `address`, as a person reads it in the local inbox. */
const resetCode = (address: string) =>
  pollUntil(`a reset mail to ${address}`, async () => {
    const mails = await mailsTo(address);
    const text = (mails.at(-1)?.body.html ?? '').replace(/<[^>]+>/g, ' ');
    return /\b(\d{6})\b/.exec(text)?.[1];
  });

describe('the portal: forgot password', () => {
  it('resets a forgotten password with the code from the mail in the local inbox, then signs in with the new one', async () => {
    const org = await freshOrganisation('Reset');
    const tab = await openPortal(browser(), 'digimadi', 'cs');
    const { page } = tab;
    await page.goto(tab.url('/sign-in'));
    await page.getByRole('link', { name: 'Zapomněli jste heslo?' }).click();
    await page.getByLabel('E-mail').fill(org.emails.member);
    await lookAt(tab, 'forgot-password-digimadi-cs');
    await page.getByRole('button', { name: 'Poslat kód' }).click();
    await page.getByLabel('Kód z e-mailu').waitFor();

    // A wrong code is refused as a sentence, and what was typed stays.
    await page.getByLabel('Kód z e-mailu').fill('000000');
    await page.getByLabel('Nové heslo').fill('Nove-heslo-pro-test-1');
    await page.getByRole('button', { name: 'Uložit nové heslo' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('kód');
    expect(await page.getByLabel('Nové heslo').inputValue()).toBe('Nove-heslo-pro-test-1');
    await lookAt(tab, 'forgot-password-code-digimadi-cs');

    await page.getByLabel('Kód z e-mailu').fill(await resetCode(org.emails.member));
    await page.getByRole('button', { name: 'Uložit nové heslo' }).click();
    await page.waitForURL(/\/sign-in/);
    expect(await page.locator('input[type=email]').inputValue()).toBe(org.emails.member);
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Heslo je změněno');
    await lookAt(tab, 'sign-in-after-reset-digimadi-cs');
    await signIn(tab, org.emails.member, 'Nove-heslo-pro-test-1');
    await page.getByRole('heading', { name: 'Moje požadavky' }).waitFor();
  });
});
