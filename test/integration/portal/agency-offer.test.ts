import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../../lib/domain/orders/money-format.js';
import { routes } from '../../../lib/http/routes.js';
import { asDemoUser, ok, people } from '../../support/api-client.js';
import { eventually, lookAt, openPortal, signInAsDemo, useBrowser } from '../../support/browser.js';
import { freshOrganisation } from '../../support/fresh-organisation.js';

const browser = useBrowser();

type Totals = { net: number; gross: number; lineNets: number[]; vat: { rate: number; base: number; vat: number }[] };

/** The recapitulation's rows and the totals as the portal writes them in `language`, from totals in minor units. */
const shownTotals = (totals: Totals, language: 'cs' | 'en') => {
  const money = (minor: number) => formatMoney(minor, 'CZK', language);
  return {
    recap: totals.vat.map((row) => `${row.rate} %${money(row.base)}${money(row.vat)}`),
    net: money(totals.net),
    gross: money(totals.gross),
  };
};

/** What the editor shows as its live totals right now. */
const editorTotals = async (page: Page) => ({
  recap: await page.locator('.live-totals table.recap tbody tr').allTextContents(),
  net: await page.locator('.live-totals dl.totals .net dd').textContent(),
  gross: await page.locator('.live-totals dl.totals .gross dd').textContent(),
});

/** A line of the editor by its legend (`Line 2`), and its fields by their labels. */
const lineOf = (page: Page, n: number, language: 'cs' | 'en' = 'en') => page.getByRole('group', { name: language === 'cs' ? `Řádek ${n}` : `Line ${n}`, exact: true });
const fillLine = async (line: Locator, values: { description: string; quantity: string; unit: string; unitPrice: string; vatRate: string }) => {
  await line.getByLabel('Description', { exact: true }).fill(values.description);
  await line.getByLabel('Quantity', { exact: true }).fill(values.quantity);
  await line.getByLabel('Unit', { exact: true }).fill(values.unit);
  await line.getByLabel('Unit price', { exact: true }).fill(values.unitPrice);
  await line.getByLabel('VAT %', { exact: true }).fill(values.vatRate);
};

describe('the agency portal: writing an offer and revising it', () => {
  it('writes an offer with fractional quantities at 21 % and 12 % whose live totals are the API’s to the haléř, has a refused description marked on its line with nothing lost, then revises it, replacing the open offer', async () => {
    const org = await freshOrganisation('Quote');
    const agent = await asDemoUser(people.agent);
    const { requestId } = ok(await org.admin.send(routes.createRequest, { body: { type: 'inquiry', title: 'A product catalogue', description: 'We need a **catalogue** of our products.', platform: 'azami' } }));
    const path = { requestId };

    const tab = await openPortal(browser(), 'azami', 'en');
    const { page } = tab;
    await page.goto(tab.url(`/requests/${requestId}?tab=offer`));
    await signInAsDemo(tab, people.agent);
    await page.getByRole('heading', { name: 'Write an offer' }).waitFor();
    expect(await page.getByRole('tab', { name: 'Offers' }).getAttribute('aria-selected')).toBe('true');
    // Nothing to replace yet, and nothing to start from.
    expect(await page.locator('.replaces').count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Start from offer/ }).count()).toBe(0);
    await lookAt(tab, 'agency-offer-empty-en');

    // Three lines, typed as people type them: thousands commas, fractional quantities, two VAT rates.
    await fillLine(lineOf(page, 1), { description: 'Catalogue development', quantity: '12.5', unit: 'h', unitPrice: '1,234.56', vatRate: '21' });
    await page.getByRole('button', { name: 'Add a line' }).click();
    // Line 2 has no description: the API refuses it, and the editor does not guess for it.
    await fillLine(lineOf(page, 2), { description: '', quantity: '0.333', unit: 'pcs', unitPrice: '999.99', vatRate: '12' });
    await page.getByRole('button', { name: 'Add a line' }).click();
    await fillLine(lineOf(page, 3), { description: 'Hosting set-up', quantity: '1', unit: 'pcs', unitPrice: '0.05', vatRate: '21' });
    await page.getByLabel('Delivery estimate').fill('10 working days after payment');
    await page.getByLabel('Terms').fill('The price covers the scope above.');
    await page.getByLabel('Note for the client (optional)').fill('The **design** is included.');
    // 12.5 × 1,234.56 = 15,432.00; 0.333 × 999.99 = 332.99667 → 333.00; 0.05 at 21 %.
    expect(await lineOf(page, 1).locator('.line-net-value').textContent()).toBe(formatMoney(1_543_200, 'CZK', 'en'));
    expect(await lineOf(page, 2).locator('.line-net-value').textContent()).toBe(formatMoney(33_300, 'CZK', 'en'));
    const typed = await editorTotals(page);
    expect(typed.recap).toHaveLength(2);
    await lookAt(tab, 'agency-offer-typed-en');

    // A unit price that is no amount is said on its field at once, and nothing is posted.
    await lineOf(page, 3).getByLabel('Unit price', { exact: true }).fill('0.055');
    await page.getByRole('button', { name: 'Post offer 1' }).click();
    await eventually(() => lineOf(page, 3).locator('.field-problem').textContent()).toBe('At most 2 decimal places.');
    expect(await lineOf(page, 3).getByLabel('Unit price', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await lineOf(page, 3).getByLabel('Unit price', { exact: true }).fill('0.05');
    await eventually(() => lineOf(page, 3).locator('.field-problem').count()).toBe(0);

    // The API's 400 names body.lines.1.description: the mark lands on line 2's description.
    const refused = page.waitForResponse((response) => response.request().method() === 'POST' && response.url().endsWith(`/requests/${requestId}/offers`));
    await page.getByRole('button', { name: 'Post offer 1' }).click();
    expect((await refused).status()).toBe(400);
    await eventually(() => lineOf(page, 2).getByLabel('Description').getAttribute('aria-invalid')).toBe('true');
    expect(await lineOf(page, 2).locator('.field-problem').count()).toBe(1);
    expect(await lineOf(page, 1).locator('.field-problem').count()).toBe(0);
    expect(await page.locator('.problem[data-status="400"]').textContent()).toContain('see the marked fields');
    // The focus goes to the field to fix; what was typed is all there.
    expect(await lineOf(page, 2).locator('input:focus').getAttribute('aria-invalid')).toBe('true');
    expect(await lineOf(page, 2).getByLabel('Quantity').inputValue()).toBe('0.333');
    expect(await lineOf(page, 2).getByLabel('Unit price', { exact: true }).inputValue()).toBe('999.99');
    expect(await page.getByLabel('Terms').inputValue()).toBe('The price covers the scope above.');
    await lookAt(tab, 'agency-offer-refused-en');

    // A reload keeps the draft too.
    await page.reload();
    await page.getByRole('heading', { name: 'Write an offer' }).waitFor();
    expect(await lineOf(page, 1).getByLabel('Unit price', { exact: true }).inputValue()).toBe('1,234.56');
    expect(await lineOf(page, 3).getByLabel('Description').inputValue()).toBe('Hosting set-up');
    expect(await page.getByLabel('Delivery estimate').inputValue()).toBe('10 working days after payment');

    await lineOf(page, 2).getByLabel('Description').fill('Photo licence');
    const before = await editorTotals(page);
    expect(before).toEqual(typed);
    await page.getByRole('button', { name: 'Post offer 1' }).click();
    await eventually(() => page.locator('.confirmation[role=status]').textContent()).toContain('Offer 1 is posted');
    const [first] = ok(await agent.send(routes.listOffers, { path }));
    expect(first).toMatchObject({ number: 1, status: 'open' });
    expect(first!.lines.map((line) => line.quantity)).toEqual([12.5, 0.333, 1]);
    // The editor's totals were the API's, to the haléř.
    expect(before).toEqual(shownTotals(first!.totals, 'en'));
    expect(first!.totals.vat.map((row) => row.rate)).toEqual([12, 21]);

    // The editor is empty again and says that the next offer replaces the open one; the open one is listed.
    await page.getByRole('heading', { name: 'Write a revised offer' }).waitFor();
    expect(await page.locator('.replaces').textContent()).toContain('Posting this offer replaces it: offer 1 is marked as replaced');
    await eventually(() => page.locator('.offer-list .offer-status').allTextContents()).toEqual(['Open: waiting for the client']);
    expect(await page.locator('.offer-list .offer-gross').textContent()).toBe(formatMoney(first!.totals.gross, 'CZK', 'en'));
    await lookAt(tab, 'agency-offer-posted-en');

    // The revision starts from offer 1: 10 h instead of 12.5, the hosting line removed, the licence moved to the top.
    await page.getByRole('button', { name: 'Start from offer 1' }).click();
    expect(await lineOf(page, 1).getByLabel('Unit price', { exact: true }).inputValue()).toBe('1,234.56');
    await lineOf(page, 1).getByLabel('Quantity').fill('10');
    await page.getByRole('button', { name: 'Remove line 3' }).click();
    expect(await page.locator('.removed-line').textContent()).toContain('Line 3 was removed.');
    await page.getByRole('button', { name: 'Move line 2 up' }).click();
    expect(await lineOf(page, 1).getByLabel('Description').inputValue()).toBe('Photo licence');
    expect(await lineOf(page, 2).getByLabel('Description').inputValue()).toBe('Catalogue development');
    // The focus stays with the moved line's buttons.
    expect(await page.locator('button:focus').getAttribute('aria-label')).toBe('Move line 1 down');
    await lookAt(tab, 'agency-offer-revising-en');
    const revised = await editorTotals(page);
    await page.getByRole('button', { name: 'Post offer 2, replacing offer 1' }).click();
    await eventually(() => page.locator('.confirmation[role=status]').textContent()).toContain('Offer 2 is posted');

    // The API lists the first as superseded: the client sees only the revision.
    const offers = ok(await agent.send(routes.listOffers, { path }));
    expect(offers.map((offer) => [offer.number, offer.status])).toEqual([
      [1, 'superseded'],
      [2, 'open'],
    ]);
    expect(offers[1]!.lines.map((line) => line.description)).toEqual(['Photo licence', 'Catalogue development']);
    expect(revised).toEqual(shownTotals(offers[1]!.totals, 'en'));
    expect(ok(await org.admin.send(routes.getRequest, { path })).status).toBe('quoted');
    await eventually(() => page.locator('.offer-list .offer-status').allTextContents()).toEqual(['Open: waiting for the client', 'Replaced']);
    expect(await page.locator('.offer-list .offer-superseded').textContent()).toContain('Replaced by offer 2');
    await lookAt(tab, 'agency-offer-revised-en');

    // The same tab in Czech: numbers typed in English are rewritten the Czech way, nothing lost.
    await page.getByRole('button', { name: 'Start from offer 2' }).click();
    await page.locator('.language select').selectOption('cs');
    await page.getByRole('heading', { name: 'Napsat upravenou nabídku' }).waitFor();
    expect(await lineOf(page, 2, 'cs').getByLabel('Cena za jednotku', { exact: true }).inputValue()).toBe('1 234,56');
    expect(await page.locator('.replaces').textContent()).toContain('Nabídka 2 je otevřená');
    expect(await page.locator('.offer-list .offer-status').allTextContents()).toEqual(['Otevřená: čeká na klienta', 'Nahrazená']);
    expect(await editorTotals(page)).toEqual(shownTotals(offers[1]!.totals, 'cs'));
    await lookAt(tab, 'agency-offer-revision-cs');
  }, 180_000);
});
