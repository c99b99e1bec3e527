import { describe, expect, inject, it } from 'vitest';
import { formatMoney } from '../../../lib/domain/orders/money-format.js';
import { routes } from '../../../lib/http/routes.js';
import { asDemoUser, ok, people } from '../../support/api-client.js';
import { eventually, lookAt, openPortal, signIn, useBrowser } from '../../support/browser.js';
import { freshOrganisation } from '../../support/fresh-organisation.js';
import { acmeBilling, deliverPayment, pricedOffer } from '../../support/offers.js';
import { businessNow } from '../../support/workflow-clock.js';

/** Amounts as the portal writes them in English (Intl puts a no-break space after the code). */
const czk = (minor: number) => formatMoney(minor, 'CZK', 'en');

/**
 * Calendar days from today to `iso` in Prague, the test browser's time zone: 30 for an offer valid
 * 30 days from now, 31 or 29 only when a change of summer time moves its end across midnight.
 */
const pragueDaysUntil = (iso: string) => {
  const day = (ms: number) => Date.parse(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Prague' }).format(ms));
  return Math.round((day(Date.parse(iso)) - day(Date.now())) / 86_400_000);
};

const browser = useBrowser();

describe('the portal: an offer, its revision, the binding order and its payment', () => {
  it('declines an offer with a reason, accepts the revision (terms before the confirm button, the hash sent), downloads the order and sees it paid, on Digimadi in English', async () => {
    const org = await freshOrganisation('Offers');
    const agent = await asDemoUser(people.agent);
    ok(await org.admin.send(routes.setBilling, { path: { orgId: org.orgId }, body: acmeBilling }));
    const { requestId } = ok(await org.admin.send(routes.createRequest, { body: { type: 'inquiry', title: 'A new checkout', description: 'We need a **new** checkout.', platform: 'digimadi' } }));
    const path = { requestId };
    const first = ok(await agent.send(routes.postOffer, { path, body: { ...pricedOffer(), note: 'The **design** is included.' } }));

    const tab = await openPortal(browser(), 'digimadi', 'en');
    const { page } = tab;
    await page.goto(tab.url(`/requests/${requestId}`));
    await page.waitForURL(/\/sign-in/);
    await signIn(tab, org.emails.admin, org.passwords.admin);
    await page.getByRole('heading', { name: 'A new checkout' }).waitFor();
    await page.getByRole('tab', { name: 'Offer' }).click();
    await page.getByRole('heading', { name: 'Offer 1' }).waitFor();
    // The amounts exactly as the API computed them: 12.5 h × 1,500.00 at 21 % and 999.00 at 12 %.
    await eventually(() => page.locator('.totals .gross dd').textContent()).toBe(czk(2_380_638));
    expect(await page.locator('table.lines tbody tr').first().locator('td').allTextContents()).toEqual(['Návrh a implementace košíku', '12.5', 'h', czk(150_000), '21 %', czk(1_875_000)]);
    expect(await page.locator('table.recap tbody tr').allTextContents()).toEqual([`12 %${czk(99_900)}${czk(11_988)}`, `21 %${czk(1_875_000)}${czk(393_750)}`]);
    await eventually(() => page.locator('.offer-note strong').textContent()).toBe('design');
    // Valid 30 days from posting: "in 30 days", not 29 (the calendar days to the date shown, in the browser's Prague).
    expect(await page.locator('.facts .left').textContent()).toBe(` (in ${pragueDaysUntil(first.validUntil)} days)`);
    await lookAt(tab, 'offer-digimadi-en');

    // Decline with a reason: typed into a draft, sent, and the request goes back to clarifying.
    await page.getByRole('button', { name: 'Decline the offer…' }).click();
    await page.getByLabel('Why do you decline it?').fill('Too expensive: please leave out the training.');
    await lookAt(tab, 'offer-decline-digimadi-en');
    await page.getByRole('button', { name: 'Decline the offer', exact: true }).click();
    await eventually(() => page.locator('.request-head .status').textContent()).toBe('Being clarified');
    await eventually(() => page.locator('.offer-status').first().textContent()).toBe('Declined');
    expect(await page.locator('.offer .notice').first().textContent()).toContain('Too expensive: please leave out the training.');
    expect(await page.getByRole('button', { name: /Confirm the offer/ }).count()).toBe(0);
    await lookAt(tab, 'offer-declined-digimadi-en');
    expect(ok(await org.admin.send(routes.listOffers, { path })).map((offer) => offer.status)).toEqual(['rejected']);

    // The agency revises it; the page shows the revision, the declined one collapsed below.
    const revised = { ...pricedOffer(), lines: [pricedOffer().lines[0]!], terms: 'Payment within 14 days of the order. The price covers the scope above.' };
    const second = ok(await agent.send(routes.postOffer, { path, body: revised }));
    expect(second.number).toBe(2);
    await page.reload();
    await page.getByRole('heading', { name: 'Offer 2' }).waitFor();
    await eventually(() => page.locator('.totals .gross dd').first().textContent()).toBe(czk(2_268_750));
    expect(await page.locator('.older-offers summary').textContent()).toBe('Earlier offers (1)');
    // The terms stand before the confirm button, which says that confirming makes the order binding.
    const confirm = page.getByRole('button', { name: 'Confirm the offer – the order becomes binding' });
    const termsFirst = await page.locator('.offer .terms').first().evaluate((terms, button) => Boolean(terms.compareDocumentPosition(button as typeof terms) & 4 /* DOCUMENT_POSITION_FOLLOWING */), await confirm.elementHandle());
    expect(termsFirst).toBe(true);
    expect(await page.locator('.offer .terms').first().textContent()).toContain('Payment within 14 days of the order.');
    await page.locator('.older-offers summary').click();
    await page.getByRole('heading', { name: 'Offer 1' }).waitFor();
    await lookAt(tab, 'offer-revised-digimadi-en');

    // Meanwhile the agency posts another revision: confirming the one on screen is a 409, with a reload.
    const third = ok(await agent.send(routes.postOffer, { path, body: { ...revised, deliveryEstimate: '5 working days after payment' } }));
    await confirm.click();
    await eventually(() => page.locator('.refusal [role=alert]').getAttribute('data-status')).toBe('409');
    await lookAt(tab, 'offer-conflict-digimadi-en');
    await page.getByRole('button', { name: 'Reload the request' }).click();
    await page.getByRole('heading', { name: 'Offer 3' }).waitFor();
    expect(await page.locator('.refusal').count()).toBe(0);

    // Accepting names the hash of the offer as shown: the order records it (and a different one would be a 409).
    const accepting = page.waitForResponse((response) => response.request().method() === 'POST' && response.url().endsWith(`/requests/${requestId}/offers/3/accept`));
    await confirm.click();
    expect((await accepting).status()).toBe(200);
    expect(third.contentHash).not.toBe(second.contentHash);
    expect(first.contentHash).not.toBe(second.contentHash);
    await eventually(() => page.locator('.request-head .status').textContent()).toBe('Awaiting payment');
    await eventually(() => page.locator('.offer-status').first().textContent()).toBe('Accepted');

    // The next step is paying, and the payment details are on the Order tab: the Offer tab says so, with the focus on it, and leads there.
    const payNext = page.locator('.offer .pay-next');
    await eventually(() => payNext.locator('p').first().textContent()).toBe(
      'The order is binding now: pay it – the payment details (account, variable symbol and QR code) are on the Order tab.',
    );
    await eventually(() => page.locator('.offer .pay-next:focus').count()).toBe(1);
    await lookAt(tab, 'offer-confirmed-digimadi-en');
    // The same in Czech.
    await page.locator('.top .language select').selectOption('cs');
    await eventually(() => payNext.getByRole('link').textContent()).toBe('Přejít na záložku Objednávka');
    expect(await payNext.locator('p').first().textContent()).toBe('Objednávka je teď závazná: zaplaťte ji – platební údaje (účet, variabilní symbol a QR kód) najdete na záložce Objednávka.');
    await lookAt(tab, 'offer-confirmed-digimadi-cs');
    await page.locator('.top .language select').selectOption('en');

    // The Order tab: the order, its PDF once the workflow made it, how to pay it.
    await payNext.getByRole('link', { name: 'Go to the Order tab' }).click();
    await page.waitForURL(/\?tab=order$/);
    expect(await page.getByRole('tab', { name: 'Order' }).getAttribute('aria-selected')).toBe('true');
    await page.getByRole('heading', { name: /^Order OBJ-/ }).waitFor();
    const download = page.getByRole('link', { name: 'Download the order (PDF)' });
    await expect
      .poll(
        async () => {
          if ((await download.count()) > 0) return true;
          await page.getByRole('button', { name: 'Check again' }).click();
          return false;
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBe(true);
    const pdf = await fetch((await download.getAttribute('href'))!);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
    const { order } = ok(await org.admin.send(routes.getOrder, { path }));
    expect(order).toMatchObject({ offerNumber: 3, offerHash: third.contentHash });
    const facts = page.locator('.pay dl.facts');
    expect(await facts.textContent()).toContain(order.variableSymbol);
    expect(await facts.textContent()).toContain(czk(2_268_750));
    await page.getByRole('img', { name: /QR Platba code/ }).waitFor();
    expect(await page.locator('.order address').allTextContents()).toContain(`${acmeBilling.name}${acmeBilling.address.street}${acmeBilling.address.postalCode} ${acmeBilling.address.city}${acmeBilling.address.country}`);
    await lookAt(tab, 'order-unpaid-digimadi-en');

    // The bank's payment arrives through the signed webhook, as `npm run pay` sends it.
    const stack = inject('stack');
    const now = await businessNow(stack);
    const paid = await deliverPayment(stack, { paymentId: `portal-${requestId}`, variableSymbol: order.variableSymbol, amount: order.totals.gross, currency: order.currency, paidAt: now.toISOString(), reference: 'portal test' }, now);
    expect(paid).toMatchObject({ status: 200, body: { outcome: 'paid' } });
    await page.reload();
    await eventually(() => page.locator('.request-head .status').textContent()).toBe('Queued');
    await eventually(() => page.locator('.payment [role=status]').textContent()).toMatch(/^Paid on /);
    expect(await page.getByRole('img', { name: /QR Platba code/ }).count()).toBe(0);
    await lookAt(tab, 'order-paid-digimadi-en');
    // Paid: the Offer tab no longer asks for a payment.
    await page.getByRole('tab', { name: 'Offer' }).click();
    await eventually(() => page.locator('.offer-status').first().textContent()).toBe('Accepted');
    expect(await page.locator('.offer .pay-next').count()).toBe(0);
  }, 180_000);
});
