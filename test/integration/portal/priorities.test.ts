import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { routes } from '../../../lib/http/routes.js';
import { ok, type Client } from '../../support/api-client.js';
import { lookAt, openPortal, type PortalTab, signIn, useBrowser } from '../../support/browser.js';
import { freshOrganisation } from '../../support/fresh-organisation.js';

const browser = useBrowser();

const file = async (client: Client, title: string) =>
  ok(await client.send(routes.createRequest, { body: { type: 'defect', title, description: 'Nefunguje to.', platform: 'azami' } })).requestId;

const apiQueue = async (client: Client) => ok(await client.send(routes.getQueue)).items.map((item) => item.request.requestId);

/** The order the page shows, by request number. */
const shown = (page: Page) => page.locator('.queue > li').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-request-id')));

/** Waits until the page is done saving (its list no longer busy) and shows `order`, then checks the API holds the same. */
const expectOrder = async (page: Page, client: Client, order: string[]) => {
  await expect.poll(() => shown(page)).toEqual(order);
  await page.locator('.queue:not([aria-busy])').waitFor();
  await expect.poll(() => apiQueue(client)).toEqual(order);
};

/** Waits for a heading; if it never comes, says what the page showed instead (address, text, script errors). */
const heading = async (tab: PortalTab, name: string) => {
  try {
    await tab.page.getByRole('heading', { name }).waitFor();
  } catch (error) {
    throw new Error(`no heading ${name} at ${tab.page.url()}: ${await tab.page.locator('body').innerText()}\nerrors: ${tab.errors.join('\n')}`, { cause: error });
  }
};

const announcement = (page: Page) => page.getByTestId('queue-announcement').textContent();

describe('the portal: priorities', () => {
  it('lets a client admin on Azami in Czech reorder the queue by dragging, by the keyboard alone and by buttons; a lost race reloads and says so', async () => {
    const org = await freshOrganisation('Rank');
    const a = await file(org.admin, 'Košík se nenačítá');
    const b = await file(org.admin, 'Platby padají');
    const c = await file(org.admin, 'Doprava špatně počítá');
    expect(await apiQueue(org.admin)).toEqual([a, b, c]);

    const tab = await openPortal(browser(), 'azami', 'cs');
    const { page } = tab;
    page.setDefaultTimeout(10_000);
    await page.goto(tab.url('/priorities'));
    await page.waitForURL(/\/sign-in\?next=/);
    await signIn(tab, org.emails.admin, org.passwords.admin);
    await heading(tab, 'Priority');
    await expect.poll(() => shown(page)).toEqual([a, b, c]);
    await lookAt(tab, 'priorities-azami-cs');

    // Dragging: the last request's handle onto the first row puts it first.
    const handle = page.locator(`#grab-${c}`);
    const from = (await handle.boundingBox())!;
    const onto = (await page.locator(`.queue > li[data-request-id="${a}"]`).boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2, onto.y + 4, { steps: 12 });
    await page.mouse.up();
    await expectOrder(page, org.admin, [c, a, b]);
    await expect.poll(() => announcement(page)).toContain(`#${c} Doprava špatně počítá přesunut na 1. místo z 3`);

    // The keyboard alone: focus B's handle, Space picks it up, arrows move it, Space drops it.
    await page.locator(`#grab-${b}`).focus();
    await page.keyboard.press('Space');
    await expect.poll(() => announcement(page)).toContain('zvednut, 3. místo z 3');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => announcement(page)).toBe(`#${b}: 2. místo z 3.`);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => announcement(page)).toBe(`#${b}: 1. místo z 3.`);
    await lookAt(tab, 'priorities-lifted-azami-cs');
    await page.keyboard.press('Space');
    await expectOrder(page, org.admin, [b, c, a]);
    await expect.poll(() => announcement(page)).toContain('přesunut na 1. místo z 3');
    // Focus stays on the moved item's handle, so the next move needs no hunting.
    expect(await page.locator(':focus').getAttribute('id')).toBe(`grab-${b}`);

    // Escape puts it back where it was, and nothing is sent.
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Escape');
    await expect.poll(() => announcement(page)).toContain('Přesun zrušen');
    await expectOrder(page, org.admin, [b, c, a]);

    // One pointer, no dragging: the buttons.
    await page.getByRole('button', { name: `Posunout na začátek #${a}` }).click();
    await expectOrder(page, org.admin, [a, b, c]);

    // Someone else reorders meanwhile: the page's move lands among neighbours it did not show, so it reloads and says so.
    ok(await org.admin.send(routes.setQueueOrder, { body: { order: [c, b, a] } }));
    await page.getByRole('button', { name: `Posunout níž #${a}` }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Pořadí se mezitím změnilo');
    const now = await apiQueue(org.admin);
    await expectOrder(page, org.admin, now);

    // A move that loses its race outright (409: the request it was to follow was cancelled meanwhile) is not made.
    const [first, , third] = now as [string, string, string];
    ok(await org.admin.send(routes.cancelRequest, { path: { requestId: first }, body: {} }));
    await page.getByRole('button', { name: `Posunout výš #${third}` }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('takže se tento přesun neprovedl');
    await expectOrder(page, org.admin, now.filter((id) => id !== first));
    await lookAt(tab, 'priorities-race-azami-cs');
  }, 120_000);

  it('shows a member on Digimadi in English the queue read-only, and says why', async () => {
    const org = await freshOrganisation('Rank');
    const a = await file(org.admin, 'Checkout is slow');
    const b = await file(org.member, 'Search finds nothing');
    const tab = await openPortal(browser(), 'digimadi', 'en');
    const { page } = tab;
    page.setDefaultTimeout(10_000);
    await page.goto(tab.url('/priorities'));
    await page.waitForURL(/\/sign-in\?next=/);
    await signIn(tab, org.emails.member, org.passwords.member);
    await heading(tab, 'Priorities');
    await expect.poll(() => shown(page)).toEqual([a, b]);
    await expect.poll(() => page.locator('.notice').textContent()).toContain('lets only its administrators set the priorities');
    expect(await page.getByRole('button', { name: /Move up|Reorder/ }).count()).toBe(0);
    await lookAt(tab, 'priorities-read-only-digimadi-en');
  }, 60_000);
});
