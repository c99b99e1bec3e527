import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../../lib/domain/orders/money-format.js';
import { routes } from '../../../lib/http/routes.js';
import { asDemoUser, ok, people } from '../../support/api-client.js';
import { lookAtUnfocused, openPortal, signIn, signInAsDemo, useBrowser, type PortalTab } from '../../support/browser.js';
import { freshOrganisation } from '../../support/fresh-organisation.js';
import { acmeBilling } from '../../support/offers.js';

const browser = useBrowser();

/**
 * What a person sees once their page caught up by itself: the portal reads a request again when its
 * window comes to the front and every 10 s while it shows (portal/src/live.ts). Headless Chromium
 * fires no focus event when another context comes to the front (counted: none), so here the 10 s
 * poll does it; the bound leaves room for one poll and the read. Nothing here reloads a page by hand.
 */
const seesBy = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 25_000, interval: 250 });

/** The person turns to their own window, as they would switch between browsers. */
const turnTo = async (tab: PortalTab) => {
  await tab.page.bringToFront();
  return tab.page;
};

describe('the portal: a client and an agent, each in their own browser, through the help page’s whole journey', () => {
  it('files an inquiry, clarifies it, offers, confirms, pays, works, hands over twice and accepts, each side seeing the other’s change without reloading', async () => {
    // The client's organisation with its billing details (the order needs them; its admin sets them on /organisation).
    const org = await freshOrganisation('Journey');
    ok(await org.admin.send(routes.setBilling, { path: { orgId: org.orgId }, body: acmeBilling }));
    const agentApi = await asDemoUser(people.agent);
    const clientName = ok(await agentApi.send(routes.getOrganisation, { path: { orgId: org.orgId } })).name;

    // Two people, two browsers (contexts): Alena, the client's admin, in Czech; Eva, the agent, in English.
    const client = await openPortal(browser(), 'azami', 'cs');
    const agent = await openPortal(browser(), 'azami', 'en');

    // 1. The client files a non-binding inquiry with the orange button.
    let page = await turnTo(client);
    await page.goto(client.url('/'));
    await signIn(client, org.emails.admin, org.passwords.admin);
    await page.getByRole('link', { name: 'Nový požadavek' }).click();
    await page.getByLabel('Název').fill('Katalog produktů');
    await page.getByRole('textbox', { name: 'Popis' }).fill('Potřebujeme **katalog** našich výrobků na webu.');
    await page.getByRole('button', { name: 'Podat požadavek' }).click();
    await page.getByRole('heading', { name: 'Katalog produktů' }).waitFor();
    const requestId = /\/requests\/([\w-]+)/.exec(page.url())![1]!;
    await lookAtUnfocused(client, 'journey-client-filed-cs');

    // 2. The agent finds it among the client's requests, takes it and starts clarifying in Communication.
    page = await turnTo(agent);
    await page.goto(agent.url(`/requests?orgId=${org.orgId}`));
    await signInAsDemo(agent, people.agent);
    await page.getByRole('link', { name: 'Katalog produktů' }).click();
    await page.waitForURL(`**/requests/${requestId}`);
    await page.getByRole('heading', { name: 'Katalog produktů', level: 1 }).waitFor();
    await seesBy(() => page.locator('.agency-facts').textContent()).toContain(clientName);
    await page.locator('.agency-head').getByRole('button', { name: /^Assign to me/ }).click();
    await seesBy(() => page.locator('.agency-head .assignee-name').textContent()).toBe('Assigned to Eva Agentová');
    await page.getByRole('button', { name: 'Clarify…' }).click();
    await page.getByRole('button', { name: 'Move to clarifying' }).click();
    await seesBy(() => page.locator('.request-head .status').textContent()).toBe('Being clarified');
    await page.getByRole('textbox', { name: 'Your message to the client' }).fill('How many products, and do you want **prices** shown?');
    await page.getByRole('button', { name: 'Send to the client' }).click();
    await seesBy(() => page.locator('.entry-message .markdown strong').last().textContent()).toBe('prices');
    await lookAtUnfocused(agent, 'journey-agent-clarifying-en');

    // 3. The client's open request shows the question and the new status by itself, and she answers.
    page = await turnTo(client);
    await seesBy(() => page.locator('.entry-message .markdown strong').last().textContent()).toBe('prices');
    await seesBy(() => page.locator('.request-head .status').textContent()).toBe('Upřesňuje se');
    await page.getByRole('textbox', { name: 'Vaše zpráva' }).fill('Asi **120** výrobků, ceny ano.');
    await page.getByRole('button', { name: 'Odeslat' }).click();
    await seesBy(() => page.locator('.entry-message .markdown strong').last().textContent()).toBe('120');

    // 4. The agent sees the answer come in, and writes the offer.
    page = await turnTo(agent);
    await seesBy(() => page.locator('.entry-message .markdown strong').last().textContent()).toBe('120');
    await page.getByRole('tab', { name: 'Offers' }).click();
    await page.getByRole('heading', { name: 'Write an offer' }).waitFor();
    const line = page.getByRole('group', { name: 'Line 1', exact: true });
    await line.getByLabel('Description', { exact: true }).fill('Catalogue of 120 products');
    await line.getByLabel('Quantity', { exact: true }).fill('16.5');
    await line.getByLabel('Unit', { exact: true }).fill('h');
    await line.getByLabel('Unit price', { exact: true }).fill('1,450');
    await line.getByLabel('VAT %', { exact: true }).fill('21');
    await page.getByLabel('Delivery estimate').fill('10 working days after payment');
    await page.getByLabel('Terms').fill('Payment within 14 days of the order.');
    // 16.5 h × 1,450.00 = 23,925.00 net, 21 % VAT 5,024.25: 28,949.25.
    await seesBy(() => page.locator('.live-totals dl.totals .gross dd').textContent()).toBe(formatMoney(2_894_925, 'CZK', 'en'));
    await lookAtUnfocused(agent, 'journey-agent-offer-en');
    await page.getByRole('button', { name: 'Post offer 1' }).click();
    await seesBy(() => page.locator('.request-head .status').textContent()).toBe('Offer sent');

    // 5. The client's page grows an Offer tab by itself; she confirms it and the order becomes binding.
    page = await turnTo(client);
    await seesBy(() => page.getByRole('tab', { name: 'Nabídka' }).count()).toBe(1);
    await seesBy(() => page.locator('.request-head .status').textContent()).toBe('Nabídka k rozhodnutí');
    await page.getByRole('tab', { name: 'Nabídka' }).click();
    await seesBy(() => page.locator('.totals .gross dd').first().textContent()).toBe(formatMoney(2_894_925, 'CZK', 'cs'));
    await lookAtUnfocused(client, 'journey-client-offer-cs');
    await page.getByRole('button', { name: 'Potvrdit nabídku – objednávka se stává závaznou' }).click();
    await seesBy(() => page.locator('.request-head .status').textContent()).toBe('Čeká na platbu');

    // 6. The agent sees it ordered, and records the payment from the bank statement in the Order tab.
    page = await turnTo(agent);
    await seesBy(() => page.locator('.request-head .status').textContent()).toBe('Awaiting payment');
    await seesBy(() => page.getByRole('tab', { name: 'Order' }).count()).toBe(1);
    await page.getByRole('tab', { name: 'Order' }).click();
    await page.getByLabel('Amount received').fill('28,949.25');
    await page.getByRole('button', { name: 'Record the payment' }).click();
    await seesBy(() => page.locator('.request-head .status').textContent()).toBe('Queued');
    await lookAtUnfocused(agent, 'journey-agent-paid-en');

    // 7. The client sees it paid and queued, and finds it among her priorities.
    page = await turnTo(client);
    await seesBy(() => page.locator('.request-head .status').textContent()).toBe('Ve frontě');
    await page.getByRole('link', { name: 'Priority' }).click();
    await seesBy(() => page.getByText('Katalog produktů').count()).toBeGreaterThan(0);
    await page.goBack();
    await page.getByRole('heading', { name: 'Katalog produktů' }).waitFor();

    // 8. The agent takes it from the work queue, starts work and hands over round 1.
    page = await turnTo(agent);
    await page.getByRole('navigation').getByRole('link', { name: 'Work queue' }).click();
    await page.getByRole('heading', { name: 'Work queue' }).waitFor();
    await page.locator('.list-filters select').selectOption(org.orgId);
    const queued = page.locator('.work-item', { hasText: 'Katalog produktů' });
    await seesBy(() => queued.locator('.assignee-name').textContent()).toBe('Assigned to Eva Agentová');
    await queued.getByRole('link', { name: 'Katalog produktů' }).click();
    await page.getByRole('heading', { name: 'Katalog produktů', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Start work…' }).click();
    await page.locator('.agency-steps').getByRole('button', { name: 'Start work', exact: true }).click();
    await seesBy(() => page.locator('.request-head .status').textContent()).toBe('In progress');
    await page.getByRole('tab', { name: 'Handover' }).click();
    await page.getByRole('heading', { name: 'Hand over round 1 for review' }).waitFor();
    await page.getByLabel('What was done and how to check it').fill('The catalogue is **ready** on staging.');
    await page.getByLabel('Where to see it (optional)').fill('https://staging.example/catalogue');
    await page.getByRole('button', { name: 'Hand over round 1' }).click();
    await seesBy(() => page.locator('.request-head .status').textContent()).toBe('In the client’s review');

    // 9. The client's page shows the handover by itself; she asks for changes.
    page = await turnTo(client);
    await seesBy(() => page.locator('.request-head .status').textContent()).toBe('K vaší kontrole');
    await page.getByRole('tab', { name: 'Převzetí' }).click();
    await page.getByRole('heading', { name: 'Kolo 1' }).waitFor();
    await page.getByLabel('Co se má změnit?').fill('Chybí filtr podle kategorie.');
    await page.getByRole('button', { name: 'Požádat o úpravy' }).click();
    await seesBy(() => page.locator('.request-head .status').textContent()).toBe('Požadovány úpravy');
    await lookAtUnfocused(client, 'journey-client-changes-cs');

    // 10. The agent sees the client's words in round 1, works again and hands over round 2.
    page = await turnTo(agent);
    await seesBy(() => page.locator('.request-head .status').textContent()).toBe('Changes requested');
    const round1 = page.locator('.agency-round').filter({ has: page.getByRole('heading', { name: 'Round 1' }) });
    await seesBy(() => round1.locator('.client-words').textContent()).toBe('Chybí filtr podle kategorie.');
    await page.getByRole('button', { name: 'Start work…' }).click();
    await page.locator('.agency-steps').getByRole('button', { name: 'Start work', exact: true }).click();
    await page.getByRole('heading', { name: 'Hand over round 2 for review' }).waitFor();
    await page.getByLabel('What was done and how to check it').fill('The **category filter** is there now.');
    await page.getByRole('button', { name: 'Hand over round 2' }).click();
    await seesBy(() => page.locator('.request-head .status').textContent()).toBe('In the client’s review');

    // 11. The client sees round 2 by itself, rates it and accepts the delivery.
    page = await turnTo(client);
    await seesBy(() => page.getByRole('heading', { name: 'Kolo 2' }).count()).toBe(1);
    await page.getByRole('radio', { name: '5 hvězdiček' }).check();
    await page.getByLabel('Komentář (nepovinný)').fill('Děkujeme, vše v pořádku.');
    await page.getByRole('button', { name: 'Převzít dodávku' }).click();
    await seesBy(() => page.locator('.request-head .status').textContent()).toBe('Převzato');
    await lookAtUnfocused(client, 'journey-client-accepted-cs');

    // 12. The agent's page shows the delivery accepted.
    page = await turnTo(agent);
    await seesBy(() => page.locator('.request-head .status').textContent()).toBe('Accepted');
    await lookAtUnfocused(agent, 'journey-agent-accepted-en');

    // The API agrees with what both saw.
    const request = ok(await org.admin.send(routes.getRequest, { path: { requestId } }));
    expect(request).toMatchObject({ status: 'accepted', round: 2 });
    const rounds = ok(await org.admin.send(routes.listHandovers, { path: { requestId } }));
    expect(rounds.map((round) => round.outcome?.decision)).toEqual(['changes_requested', 'accepted']);
  }, 300_000);
});
