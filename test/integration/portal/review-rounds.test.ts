import { describe, expect, it } from 'vitest';
import { routes } from '../../../lib/http/routes.js';
import { asDemoUser, ok, people, type Client } from '../../support/api-client.js';
import { attach } from '../../support/attachments.js';
import { waitForScan } from '../../support/scan.js';
import { eventually, lookAt, openPortal, signIn, useBrowser } from '../../support/browser.js';
import { freshOrganisation } from '../../support/fresh-organisation.js';
import { freeOffer } from '../../support/offers.js';

const browser = useBrowser();

const handOver = async (agent: Client, requestId: string, notes: string, attachmentIds: string[] = []) =>
  ok(await agent.send(routes.handOver, { path: { requestId }, body: { notes, link: 'https://staging.acme.example/kosik', attachmentIds } }));

describe('the portal: reviewing handed-over work, round after round', () => {
  it('requests changes to round 1 with a comment, then accepts round 2 with 4 stars and a comment, on Azami in Czech', async () => {
    const org = await freshOrganisation('Review');
    const agent = await asDemoUser(people.agent);
    const { requestId } = ok(await org.admin.send(routes.createRequest, { body: { type: 'inquiry', title: 'Košík po novu', description: 'Košík nefunguje.', platform: 'azami' } }));
    const path = { requestId };
    const offer = ok(await agent.send(routes.postOffer, { path, body: freeOffer() }));
    ok(await org.admin.send(routes.acceptOffer, { path: { requestId, offerNumber: offer.number }, body: { contentHash: offer.contentHash } }));
    ok(await agent.send(routes.takeAction, { path, body: { action: 'start_work' } }));
    const file = ok(await attach(agent, requestId));
    // Only a file checked for malware and found clean can be handed over.
    expect(await waitForScan(agent, requestId, file.attachmentId)).toMatchObject({ scan: 'clean' });
    const first = await handOver(agent, requestId, 'Hotovo: **košík** přepracován, viz odkaz.', [file.attachmentId]);
    expect(first.request).toMatchObject({ status: 'in_review', round: 1 });

    const tab = await openPortal(browser(), 'azami', 'cs');
    const { page } = tab;
    await page.goto(tab.url(`/requests/${requestId}?tab=review`));
    await page.waitForURL(/\/sign-in/);
    await signIn(tab, org.emails.admin, org.passwords.admin);
    await page.getByRole('heading', { name: 'Kolo 1' }).waitFor();
    expect(await page.getByRole('tab', { name: 'Převzetí' }).getAttribute('aria-selected')).toBe('true');
    await eventually(() => page.locator('.round-open .markdown strong').textContent()).toBe('košík');
    expect(await page.getByRole('link', { name: /staging\.acme\.example/ }).getAttribute('href')).toBe('https://staging.acme.example/kosik');
    expect(await page.locator('.round-open .files').textContent()).toBe('Nabídka.pdf');
    // The deadline in the person's time zone (the browser's: Prague here), and what happens at it.
    const deadline = await page.locator('.round-open .deadline').textContent();
    expect(deadline).toContain('Zkontrolujte do');
    expect(deadline).toContain('23:59');
    expect(deadline).toContain('Europe/Prague');
    expect(deadline).toContain('Pokud do té doby neodpovíte, považuje se dodávka za převzatou.');
    await lookAt(tab, 'review-round1-azami-cs');

    // Changes, with a comment: typed into a draft, sent; the request waits on the agency.
    await page.getByLabel('Co se má změnit?').fill('Tlačítko „Zaplatit“ je na mobilu mimo obrazovku.');
    await page.getByRole('button', { name: 'Požádat o úpravy' }).click();
    await eventually(() => page.locator('.request-head .status').textContent()).toBe('Požadovány úpravy');
    await eventually(() => page.locator('.round .notice').first().textContent()).toContain('Tlačítko „Zaplatit“ je na mobilu mimo obrazovku.');
    expect(await page.getByRole('button', { name: 'Převzít dodávku' }).count()).toBe(0);
    await lookAt(tab, 'review-changes-requested-azami-cs');

    // The agency works on it and hands over round 2.
    ok(await agent.send(routes.takeAction, { path, body: { action: 'start_work' } }));
    const second = await handOver(agent, requestId, 'Tlačítko opraveno, **vejde se** i na mobil.');
    expect(second.request.round).toBe(2);
    await page.reload();
    await page.getByRole('heading', { name: 'Kolo 2' }).waitFor();
    await page.getByRole('heading', { name: 'Dřívější kola' }).waitFor();

    // The rating: a radio group of five stars, chosen with the keyboard.
    await page.getByRole('radio', { name: '1 hvězdička' }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await eventually(() => page.getByRole('radio', { name: '4 hvězdičky' }).isChecked()).toBe(true);
    expect(await page.locator('.star-choice label.lit').count()).toBe(4);
    await page.getByLabel('Komentář (nepovinný)').fill('Rychlé a pečlivé, děkujeme.');
    await lookAt(tab, 'review-round2-azami-cs');
    await page.getByRole('button', { name: 'Převzít dodávku' }).click();
    await eventually(() => page.locator('.request-head .status').textContent()).toBe('Převzato');
    await eventually(() => page.locator('.round .notice.ok').first().textContent()).toContain('Převzal(a) Alena Admin');
    expect(await page.locator('.stars-shown').first().textContent()).toBe('★★★★☆Hodnoceno 4 z 5');
    await lookAt(tab, 'review-accepted-azami-cs');

    const rounds = ok(await org.admin.send(routes.listHandovers, { path }));
    expect(rounds.map((round) => round.outcome?.decision)).toEqual(['changes_requested', 'accepted']);
    expect(rounds[1]!.outcome).toMatchObject({ decision: 'accepted', rating: 4, comment: 'Rychlé a pečlivé, děkujeme.' });
  }, 180_000);
});
