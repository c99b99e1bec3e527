import { describe, expect, it } from 'vitest';
import { routes } from '../../../lib/http/routes.js';
import { ok } from '../../support/api-client.js';
import { lookAt, openPortal, useBrowser } from '../../support/browser.js';
import { freshOrganisation } from '../../support/fresh-organisation.js';

const browser = useBrowser();

describe('the portal: a deactivated person', () => {
  it('tells a deactivated person at sign-in that their access was deactivated, in their language, and keeps what they typed', async () => {
    const org = await freshOrganisation('Gone');
    ok(await org.admin.send(routes.deactivatePerson, { path: { userId: org.member.userId! } }));

    const tab = await openPortal(browser(), 'azami', 'cs');
    const { page } = tab;
    await page.goto(tab.url('/sign-in'));
    await page.locator('input[type=email]').fill(org.emails.member);
    await page.locator('input[type=password]').fill(org.passwords.member);
    await page.locator('form button[type=submit]').click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Váš přístup byl zrušen');
    expect(page.url()).toContain('/sign-in');
    expect(await page.locator('input[type=email]').inputValue()).toBe(org.emails.member);
    await lookAt(tab, 'sign-in-deactivated-azami-cs');
  });
});
