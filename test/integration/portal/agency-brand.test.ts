import { describe, expect, it } from 'vitest';
import { routes } from '../../../lib/http/routes.js';
import { brands } from '../../../lib/mail/brands.js';
import { ok, people } from '../../support/api-client.js';
import { lookAt, openPortal, signInAsDemo, useBrowser } from '../../support/browser.js';
import { freshOrganisation } from '../../support/fresh-organisation.js';

const browser = useBrowser();

describe('the agency portal: the client’s brand where it matters', () => {
  it('shows an agent signed in on Azami that a request is Digimadi’s, and previews a message to its client in Digimadi’s colours (an internal note in none)', async () => {
    const org = await freshOrganisation('Brands');
    const { requestId } = ok(await org.admin.send(routes.createRequest, { body: { type: 'inquiry', title: 'A landing page', description: 'For the spring campaign.', platform: 'digimadi' } }));

    const tab = await openPortal(browser(), 'azami', 'en');
    const { page } = tab;
    await page.goto(tab.url(`/requests/${requestId}`));
    await signInAsDemo(tab, people.agent);
    await page.getByRole('heading', { name: 'A landing page', level: 1 }).waitFor();
    expect(await page.locator('.agency-facts .platform').textContent()).toContain('Digimadi');

    await page.getByRole('textbox', { name: 'Your message to the client' }).fill('Here is the [draft](https://example.com/draft).');
    await page.locator('form.composer').getByRole('button', { name: 'Preview' }).click();
    const preview = page.locator('form.composer .preview');
    expect(await preview.getAttribute('data-brand')).toBe('digimadi');
    expect(await preview.locator('.preview-brand').textContent()).toBe('As the client sees it, in Digimadi’s colours');
    // The preview's own colours are Digimadi's; the page around it stays the portal's (Azami's).
    expect(await preview.evaluate((element) => (element as unknown as { style: { getPropertyValue: (name: string) => string } }).style.getPropertyValue('--primary'))).toBe(brands.digimadi.colors.primary);
    expect(await page.locator('html').evaluate((element) => (element as unknown as { style: { getPropertyValue: (name: string) => string } }).style.getPropertyValue('--primary'))).toBe(brands.azami.colors.primary);
    await lookAt(tab, 'agency-preview-digimadi-en');

    // An internal note is never the client's: its preview wears no brand.
    await page.getByRole('radio', { name: 'Internal note' }).check();
    await page.getByRole('textbox', { name: 'Internal note – the client does not see this' }).fill('Check the **tracking** first.');
    await page.locator('form.composer').getByRole('button', { name: 'Preview' }).click();
    expect(await page.locator('form.composer .preview').getAttribute('data-brand')).toBeNull();
    expect(await page.locator('form.composer .preview-brand').count()).toBe(0);
  });
});
