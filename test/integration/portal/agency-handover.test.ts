import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../../lib/domain/orders/money-format.js';
import { routes } from '../../../lib/http/routes.js';
import { asDemoUser, ok, people } from '../../support/api-client.js';
import { attach } from '../../support/attachments.js';
import { waitForScan } from '../../support/scan.js';
import { eventually, lookAt, openPortal, signInAsDemo, useBrowser } from '../../support/browser.js';
import { freshOrganisation } from '../../support/fresh-organisation.js';
import { acmeBilling, pricedOffer, pricedOfferGross } from '../../support/offers.js';

/** Amounts as the portal writes them in Czech. */
const czk = (minor: number) => formatMoney(minor, 'CZK', 'cs');

const browser = useBrowser();

describe('the agency portal: recording the payment, handing the work over, round after round', () => {
  it('records a wrong payment (flagged, with what to do), the right one (paid) and the same again (a duplicate), then hands over round 1 with notes, a link and a file, sees the client’s changes and hands over round 2, in Czech', async () => {
    const org = await freshOrganisation('Handover');
    const agent = await asDemoUser(people.agent);
    ok(await org.admin.send(routes.setBilling, { path: { orgId: org.orgId }, body: acmeBilling }));
    const { requestId } = ok(await org.admin.send(routes.createRequest, { body: { type: 'inquiry', title: 'Nový košík', description: 'Košík po novu.', platform: 'azami' } }));
    const path = { requestId };
    const offer = ok(await agent.send(routes.postOffer, { path, body: pricedOffer() }));
    ok(await org.admin.send(routes.acceptOffer, { path: { requestId, offerNumber: offer.number }, body: { contentHash: offer.contentHash } }));
    const { order } = ok(await agent.send(routes.getOrder, { path }));
    // One file the client sees, and an internal one, which is never offered for a handover. Only a
    // file checked for malware and found clean can be picked: the form is opened once it is.
    const file = ok(await attach(agent, requestId));
    ok(await attach(agent, requestId, { internal: true }));
    expect(await waitForScan(agent, requestId, file.attachmentId)).toMatchObject({ scan: 'clean' });

    const tab = await openPortal(browser(), 'azami', 'cs');
    const { page } = tab;
    await page.goto(tab.url(`/requests/${requestId}?tab=order`));
    await signInAsDemo(tab, people.agent);
    await page.getByRole('heading', { name: `Objednávka ${order.orderNumber}` }).waitFor();
    expect(await page.locator('.order-facts').textContent()).toContain(order.variableSymbol);
    expect(await page.locator('.order-facts .amount').textContent()).toBe(czk(pricedOfferGross));
    expect(await page.locator('.payment-list').textContent()).toContain('zatím není zaznamenaná žádná platba');
    await lookAt(tab, 'agency-order-unpaid-cs');

    // A part payment from the statement: recorded, flagged, and what to do about it said.
    const amount = page.getByLabel('Přijatá částka');
    await amount.fill('100');
    expect(await page.locator('.payment-form .hint').first().textContent()).toContain('není celková částka objednávky');
    await page.getByLabel('Reference (nepovinná)').fill('Záloha');
    await page.getByRole('button', { name: 'Zaznamenat platbu' }).click();
    const outcome = page.locator('.payment-outcome');
    await eventually(() => outcome.textContent()).toContain(`Zaznamenáno, ale označeno k vyřešení: ${czk(10_000)} objednávku ${order.orderNumber} nezaplatí.`);
    expect(await outcome.textContent()).toContain(`Klient zaplatil ${czk(10_000)}, objednávka ale zní na ${czk(pricedOfferGross)}`);
    await eventually(() => page.locator('.payment-made.flagged').count()).toBe(1);
    expect(await page.locator('.request-head .status').textContent()).toBe('Čeká na platbu');
    expect(await amount.inputValue()).toBe('');
    await lookAt(tab, 'agency-order-flagged-cs');

    // The order's amount, as a Czech statement writes it, with the bank's id: it pays the order.
    await amount.fill('23 806,38');
    expect(await page.locator('.payment-form .hint').first().textContent()).toContain('přesně celková částka objednávky');
    await page.getByLabel('ID platby v bance (nepovinné)').fill(`banka-${requestId}`);
    await page.getByRole('button', { name: 'Zaznamenat platbu' }).click();
    await eventually(() => outcome.textContent()).toBe(`Zaznamenáno: ${czk(pricedOfferGross)} platí objednávku ${order.orderNumber}. Požadavek se zařadí do fronty klienta, připravený k práci.`);
    await eventually(() => page.locator('.agency-order .offer-head .offer-status').textContent()).toBe('Zaplaceno');
    expect(ok(await agent.send(routes.getRequest, { path })).status).toBe('queued');
    expect(await page.locator('.payment-made.matched').count()).toBe(1);
    // Paid, the form folds away: another payment would be flagged.
    expect(await page.getByRole('button', { name: 'Zaznamenat platbu' }).isVisible()).toBe(false);
    await lookAt(tab, 'agency-order-paid-cs');

    // The same bank payment recorded again counts once.
    await page.getByText('Zaznamenat další platbu z výpisu').click();
    await amount.fill('23 806,38');
    await page.getByLabel('ID platby v bance (nepovinné)').fill(`banka-${requestId}`);
    await page.getByRole('button', { name: 'Zaznamenat platbu' }).click();
    await eventually(() => outcome.textContent()).toContain(`Nic nového se nezaznamenalo: platba banka-${requestId} z banky už je zaznamenaná`);
    await lookAt(tab, 'agency-order-duplicate-cs');
    const { payments } = ok(await agent.send(routes.getOrder, { path }));
    expect(payments.map((payment) => [payment.amount, payment.matched, payment.problem])).toEqual([
      [10_000, false, 'amount'],
      [pricedOfferGross, true, undefined],
    ]);

    // Accepted, the offer can no longer be replaced: the Offers tab lists it, read-only.
    await page.getByRole('tab', { name: 'Nabídky' }).click();
    await page.getByRole('heading', { name: 'Nabídka 1' }).waitFor();
    expect(await page.locator('.offer-list .offer-status').allTextContents()).toEqual(['Přijatá']);
    expect(await page.locator('.offer-form').count()).toBe(0);
    expect(await page.locator('.offer-editor-tab > p.muted').textContent()).toContain('Nabídka 1 byla přijata');
    await lookAt(tab, 'agency-offer-accepted-cs');

    // In work, round 1 is handed over: notes in Markdown (previewed), the staging link, the request's file.
    ok(await agent.send(routes.takeAction, { path, body: { action: 'start_work' } }));
    await page.goto(tab.url(`/requests/${requestId}?tab=handover`));
    await page.getByRole('heading', { name: 'Předat kolo 1 ke kontrole' }).waitFor();
    expect(await page.locator('.handover-files input[type=checkbox]').count()).toBe(1);
    expect(await page.locator('.handover-files').textContent()).toContain('Interní soubory se nenabízejí');
    await page.getByLabel('Co se udělalo a jak to zkontrolovat').fill('Hotovo: **košík** je přepracovaný.\n\n- platby kartou\n- nový souhrn');
    await page.getByRole('button', { name: 'Náhled' }).click();
    expect(await page.locator('.handover-form .preview strong').textContent()).toBe('košík');
    await page.getByRole('button', { name: 'Psát' }).click();
    await page.getByLabel('Kde to najdete (nepovinné)').fill('https://staging.acme.example/kosik');
    await page.getByRole('checkbox', { name: /Nabídka\.pdf/ }).check();
    await lookAt(tab, 'agency-handover-form-cs');
    await page.getByRole('button', { name: 'Předat kolo 1' }).click();
    await eventually(() => page.locator('.confirmation[role=status]').textContent()).toContain('Kolo 1 je předané');
    const round1 = page.locator('.agency-round').filter({ has: page.getByRole('heading', { name: 'Kolo 1' }) });
    await eventually(() => round1.locator('.offer-status').textContent()).toBe('U klienta ke kontrole');
    expect(await round1.locator('.markdown strong').textContent()).toBe('košík');
    expect(await round1.getByRole('link', { name: /staging\.acme\.example/ }).getAttribute('href')).toBe('https://staging.acme.example/kosik');
    expect(await round1.locator('.round-files .file-name').allTextContents()).toEqual(['Nabídka.pdf']);
    const deadline = await round1.locator('.deadline').textContent();
    expect(deadline).toContain('Klient to zkontroluje do');
    expect(deadline).toContain('23:59');
    expect(deadline).toContain('Europe/Prague');
    const [first] = ok(await agent.send(routes.listHandovers, { path }));
    expect(first).toMatchObject({ round: 1, link: 'https://staging.acme.example/kosik', attachmentIds: [file.attachmentId] });
    expect(first!.notes).toContain('**košík**');
    await lookAt(tab, 'agency-handover-round1-cs');

    // The client asks for changes; the tab shows round 1 with their words.
    const words = 'Tlačítko „Zaplatit“ je na mobilu mimo obrazovku.';
    ok(await org.admin.send(routes.requestChanges, { path: { requestId, round: 1 }, body: { comments: words } }));
    await page.reload();
    await eventually(() => round1.locator('.offer-status').textContent()).toBe('Požadovány úpravy');
    expect(await round1.locator('.client-answer').textContent()).toContain('Alena Admin požádal(a) o úpravy');
    expect(await round1.locator('.client-words').textContent()).toBe(words);
    expect(await page.locator('.handover-tab > .notice').textContent()).toBe('Klient požádal o úpravy kola 1. Znovu zahajte práci, ať můžete předat kolo 2.');
    expect(await page.locator('.handover-form').count()).toBe(0);
    await lookAt(tab, 'agency-handover-changes-cs');

    // Back at work, round 2 goes over; round 1 keeps the client's words.
    ok(await agent.send(routes.takeAction, { path, body: { action: 'start_work' } }));
    await page.reload();
    await page.getByRole('heading', { name: 'Předat kolo 2 ke kontrole' }).waitFor();
    await page.getByLabel('Co se udělalo a jak to zkontrolovat').fill('Tlačítko je opravené, **vejde se** i na mobil.');
    await page.getByRole('button', { name: 'Předat kolo 2' }).click();
    await eventually(() => page.locator('.confirmation[role=status]').textContent()).toContain('Kolo 2 je předané');
    const round2 = page.locator('.agency-round').filter({ has: page.getByRole('heading', { name: 'Kolo 2' }) });
    await eventually(() => round2.locator('.offer-status').textContent()).toBe('U klienta ke kontrole');
    expect(await page.locator('.agency-round h3').allTextContents()).toEqual(['Kolo 2', 'Kolo 1']);
    expect(await round1.locator('.client-words').textContent()).toBe(words);
    const rounds = ok(await agent.send(routes.listHandovers, { path }));
    expect(rounds.map((round) => [round.round, round.outcome?.decision])).toEqual([
      [1, 'changes_requested'],
      [2, undefined],
    ]);
    expect(ok(await agent.send(routes.getRequest, { path }))).toMatchObject({ status: 'in_review', round: 2 });
    await lookAt(tab, 'agency-handover-round2-cs');
  }, 180_000);
});
