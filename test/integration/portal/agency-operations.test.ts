import { randomUUID } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { functions } from '../../../lib/lambda/table.js';
import { routes } from '../../../lib/http/routes.js';
import { asDemoUser, ok, people, type Client } from '../../support/api-client.js';
import { eventually, lookAt, openPortal, signInAsDemo, useBrowser } from '../../support/browser.js';
import { freshOrganisation } from '../../support/fresh-organisation.js';
import { invoke } from '../../support/invoke.js';
import { failMailTo, mailsTo } from '../../support/mailbox.js';
import { formatMoney } from '../../../lib/domain/orders/money-format.js';
import { acmeBilling, freeOffer, pricedOffer, pricedOfferGross } from '../../support/offers.js';
import { pollUntil } from '../../../local/poll.js';

const browser = useBrowser();

/**
 * Other tests park mail, suppress addresses and flag payments on the same stack at the same time:
 * a list's row of ours is found by its own content, and “Show more” is pressed until it shows.
 */
const reveal = async (page: Page, row: Locator, more: string) => {
  await expect
    .poll(
      async () => {
        if ((await row.count()) > 0) return true;
        const button = page.getByRole('button', { name: more });
        if ((await button.count()) > 0 && (await button.isEnabled())) await button.click();
        return false;
      },
      { timeout: 15_000, interval: 250 },
    )
    .toBe(true);
  return row;
};

/** The flagged payment of this id, if it is on the list (through all its pages). */
const flaggedPayment = async (agency: Client, paymentId: string) => {
  let cursor: string | undefined;
  do {
    const page = ok(await agency.send(routes.listFlaggedPayments, { query: { limit: 100, ...(cursor ? { cursor } : {}) } }));
    const found = page.items.find((payment) => payment.paymentId === paymentId);
    if (found) return found;
    cursor = page.nextCursor;
  } while (cursor);
  return undefined;
};

/** Every parked mail about a request, through all pages of the list. */
const parkedAbout = async (agency: Client, requestId: string) => {
  const found = [];
  let cursor: string | undefined;
  do {
    const page = ok(await agency.send(routes.listParkedMail, { query: { limit: 100, ...(cursor ? { cursor } : {}) } }));
    found.push(...page.items.filter((mail) => mail.requestId === requestId));
    cursor = page.nextCursor;
  } while (cursor);
  return found;
};

describe('the portal: the agency’s operations pages', () => {
  it('sends a parked mail again, and lifts a bounced address after saying it will be mailed again, in English at 1280 and 375 px', async () => {
    const org = await freshOrganisation('Parked');
    const eva = await asDemoUser(people.agent);
    // SES refuses the organisation's admin for good, once: the request's creation mail to them is parked at once.
    await failMailTo(org.emails.admin, 1, 'reject');
    const title = `Parked mail ${randomUUID().slice(0, 6)}`;
    const { requestId } = ok(await org.member.send(routes.createRequest, { body: { type: 'inquiry', title, description: 'The admin’s mail will not go.', platform: 'azami' } }));
    const [parked] = await pollUntil('the creation mail to the admin parked', async () => {
      const found = await parkedAbout(eva, requestId);
      return found.length > 0 ? found : undefined;
    });
    expect(parked).toMatchObject({ email: org.emails.admin.toLowerCase(), state: 'parked', error: expect.stringMatching(/Rejected/) });

    const tab = await openPortal(browser(), 'azami', 'en');
    const { page } = tab;
    await page.goto(tab.url('/mail'));
    await signInAsDemo(tab, people.agent);
    await page.getByRole('heading', { level: 1, name: 'Mail delivery' }).waitFor();
    await page.getByRole('heading', { name: 'Parked mail' }).waitFor();
    const mail = await reveal(page, page.locator('li.parked-mail').filter({ hasText: `#${requestId}` }), 'Show more parked mail');
    // What it was about (the request, by its title), to whom, and why, in words an agent acts on.
    await eventually(() => mail.getByRole('link').textContent()).toBe(`#${requestId} ${title}`);
    expect(await mail.getByRole('link').getAttribute('href')).toBe(`/requests/${requestId}`);
    expect(await mail.locator('.email').textContent()).toBe(org.emails.admin.toLowerCase());
    expect(await mail.locator('.why').textContent()).toContain('SES refused it for good: the address is likely wrong.');
    await lookAt(tab, 'agency-mail-parked-en');

    await mail.getByRole('button', { name: `Send again – the mail to ${org.emails.admin.toLowerCase()} about #${requestId}` }).click();
    await eventually(() => page.locator('#parked-result').textContent()).toBe(`Sent to ${org.emails.admin.toLowerCase()} (about #${requestId}): it has left the list.`);
    await eventually(() => mail.count()).toBe(0);
    await lookAt(tab, 'agency-mail-resent-en');
    // It reached the admin's inbox, and is parked no more.
    await pollUntil('the resent mail in the admin’s inbox', async () => {
      const mails = (await mailsTo(org.emails.admin)).filter((sent) => sent.subject.includes(`[#${requestId}]`));
      return mails.length > 0 ? mails : undefined;
    });
    expect(await parkedAbout(eva, requestId)).toEqual([]);

    // A bounce (as SES publishes it) suppresses the member's address.
    const bounce = {
      source: 'aws.ses' as const,
      'detail-type': 'Email Bounced',
      time: new Date().toISOString(),
      detail: {
        eventType: 'Bounce' as const,
        mail: { messageId: `bounce-${randomUUID()}`, timestamp: new Date().toISOString(), tags: { request: [requestId] } },
        bounce: { bounceType: 'Permanent' as const, bounceSubType: 'General', bouncedRecipients: [{ emailAddress: org.emails.member, diagnosticCode: 'smtp; 550 5.1.1 user unknown' }] },
      },
    };
    expect(await invoke(functions.recordMailEvent, bounce)).toMatchObject({ status: 200, result: { suppressed: [org.emails.member.toLowerCase()] } });
    const member = org.emails.member.toLowerCase();
    // Found by the API's search, as an agent would look for one address among many.
    await page.getByLabel('Find an address').fill(member.split('@')[0]!);
    const suppressed = page.locator('li.suppression').filter({ hasText: member });
    await eventually(() => suppressed.count()).toBe(1);
    expect(await suppressed.locator('.ops-tag').textContent()).toBe('Bounced');
    await suppressed.getByText('What the mail server said').click();
    expect(await suppressed.locator('.ops-details p').textContent()).toContain('550 5.1.1 user unknown');
    await lookAt(tab, 'agency-mail-suppressed-en');

    // Lifting asks first, saying the address will be mailed again; cancelling changes nothing.
    await suppressed.getByRole('button', { name: `Lift – the suppression of ${member}` }).click();
    const confirm = suppressed.getByRole('group', { name: `Mail ${member} again?` });
    expect(await confirm.textContent()).toContain('The Helpdesk will mail this address again');
    await lookAt(tab, 'agency-mail-lift-confirm-en');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await suppressed.getByRole('button', { name: `Lift – the suppression of ${member}` }).click();
    await suppressed.getByRole('button', { name: 'Lift, mail this address again' }).click();
    await eventually(() => page.locator('#suppression-result').textContent()).toBe(`${member} is mailed again from now on.`);
    await eventually(() => suppressed.count()).toBe(0);
    await lookAt(tab, 'agency-mail-lifted-en');
    // The API agrees: the address is no longer suppressed.
    const tomas = await asDemoUser(people.admin);
    expect((await tomas.send(routes.liftSuppression, { path: { email: member } })).status).toBe(404);
  }, 120_000);

  it('lists a payment of the wrong amount with what to do, and resolves it only with a note, in Czech', async () => {
    const org = await freshOrganisation('Flagged');
    const eva = await asDemoUser(people.agent);
    ok(await org.admin.send(routes.setBilling, { path: { orgId: org.orgId }, body: acmeBilling }));
    const title = `Platba ${randomUUID().slice(0, 6)}`;
    const { requestId } = ok(await org.admin.send(routes.createRequest, { body: { type: 'inquiry', title, description: 'Nový košík.', platform: 'azami' } }));
    const offer = ok(await eva.send(routes.postOffer, { path: { requestId }, body: pricedOffer() }));
    ok(await org.admin.send(routes.acceptOffer, { path: { requestId, offerNumber: offer.number }, body: { contentHash: offer.contentHash } }));
    // The client paid 100 Kč too little: recorded, flagged, and the order still waits.
    const paymentId = `bank-${randomUUID().slice(0, 12)}`;
    const paid = pricedOfferGross - 10_000;
    const recorded = ok(await eva.send(routes.recordPayment, { path: { requestId }, body: { amount: paid, currency: 'CZK', paidAt: new Date().toISOString(), paymentId, reference: 'Platba za košík' } }));
    expect(recorded.outcome).toBe('flagged');
    const listed = await pollUntil('the payment on the flagged list', () => flaggedPayment(eva, paymentId));
    expect(listed).toMatchObject({ requestId, problem: 'amount', expected: { amount: pricedOfferGross, currency: 'CZK' } });

    const tab = await openPortal(browser(), 'azami', 'cs');
    const { page } = tab;
    await page.goto(tab.url('/payments'));
    await signInAsDemo(tab, people.agent);
    await page.getByRole('heading', { level: 1, name: 'Platby k vyřešení' }).waitFor();
    const item = await reveal(page, page.locator('li.flagged-payment').filter({ hasText: paymentId }), 'Zobrazit další platby');
    expect(await item.locator('.ops-tag').textContent()).toBe('Jiná částka');
    // Our sentence, with both amounts as Czech writes them; the API's own step beside it, in English.
    expect(await item.locator('.next-step').textContent()).toBe(
      `Klient zaplatil ${formatMoney(paid, 'CZK', 'cs')}, objednávka ale zní na ${formatMoney(pricedOfferGross, 'CZK', 'cs')}, takže na platbu pořád čeká. Domluvte se s klientem, že rozdíl doplatí, nebo přeplatek vraťte; pak platbu vyřešte s poznámkou, co jste udělali.`,
    );
    await item.getByText('Co radí Helpdesk').click();
    expect(await item.locator('.ops-details p').textContent()).toBe(listed!.next);
    await eventually(() => item.getByRole('link').textContent()).toBe(`#${requestId} ${title}`);
    expect(await item.getByRole('link').getAttribute('href')).toBe(`/requests/${requestId}`);
    await lookAt(tab, 'agency-payments-cs');

    // Resolving asks what was done, and takes no empty note.
    await item.getByRole('button', { name: `Vyřešit… – platbu ${paymentId}` }).click();
    const form = item.getByRole('form', { name: `Vyřešit platbu ${paymentId}` });
    await form.getByRole('button', { name: 'Vyřešit a odebrat ze seznamu' }).click();
    await eventually(() => form.locator('.field-problem').textContent()).toBe('Napište, co se udělalo: poznámka je povinná.');
    expect(await form.getByLabel('Co se udělalo?').getAttribute('aria-invalid')).toBe('true');
    await lookAt(tab, 'agency-payments-note-missing-cs');
    expect(await flaggedPayment(eva, paymentId)).toBeDefined();

    const note = 'Klient doplatil 100 Kč, přijato 3. 12.';
    await form.getByLabel('Co se udělalo?').fill(note);
    await form.getByRole('button', { name: 'Vyřešit a odebrat ze seznamu' }).click();
    await eventually(() => page.locator('#payments-result').textContent()).toBe(`Platba ${paymentId} vyřešena: ze seznamu zmizela.`);
    await eventually(() => item.count()).toBe(0);
    await lookAt(tab, 'agency-payments-resolved-cs');
    // The API agrees: off the list, the note on the request's timeline (the agency's), and resolved once only.
    expect(await flaggedPayment(eva, paymentId)).toBeUndefined();
    const timeline = ok(await eva.send(routes.listTimeline, { path: { requestId }, query: { limit: 100 } })).items;
    expect(timeline.find((entry) => entry.kind === 'payment_resolved')).toMatchObject({ body: note });
    expect(await eva.send(routes.resolveFlaggedPayment, { path: { paymentId }, body: { note: 'Znovu.' } })).toMatchObject({ status: 409 });
  }, 120_000);

  it('shows a fresh organisation’s rating per organisation and per agency person, and the delivery behind it, to the agency admin', async () => {
    const org = await freshOrganisation('Feedback');
    const eva = await asDemoUser(people.agent);
    const title = `Rated work ${randomUUID().slice(0, 6)}`;
    const { requestId } = ok(await org.admin.send(routes.createRequest, { body: { type: 'inquiry', title, description: 'Please rate this.', platform: 'digimadi' } }));
    const path = { requestId };
    const offer = ok(await eva.send(routes.postOffer, { path, body: freeOffer() }));
    ok(await org.admin.send(routes.acceptOffer, { path: { requestId, offerNumber: offer.number }, body: { contentHash: offer.contentHash } }));
    ok(await eva.send(routes.takeAction, { path, body: { action: 'start_work' } }));
    ok(await eva.send(routes.handOver, { path, body: { notes: 'Done, see the staging site.' } }));
    ok(await org.admin.send(routes.acceptDelivery, { path: { requestId, round: 1 }, body: { rating: 4, comment: 'Quick and careful, thank you.' } }));
    const orgName = ok(await org.admin.send(routes.getOrganisation, { path: { orgId: org.orgId } })).name;

    const tab = await openPortal(browser(), 'digimadi', 'en');
    const { page } = tab;
    await page.goto(tab.url('/feedback'));
    await signInAsDemo(tab, people.admin);
    await page.getByRole('heading', { level: 1, name: 'Clients’ feedback' }).waitFor();
    const organisations = page.locator('table').filter({ has: page.getByRole('columnheader', { name: 'Organisation' }) });
    const row = organisations.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: orgName }) });
    await row.waitFor();
    // The API's own average (to two decimals), the count and the stars given.
    expect(await row.locator('.average .stars-number').textContent()).toBe('4.00');
    expect(await row.locator('.count').textContent()).toBe('1');
    expect(await row.getByRole('link', { name: orgName }).getAttribute('href')).toBe(`/orgs/${org.orgId}`);
    // The agency person who handed it over is rated too (others' ratings count there as well).
    const agents = page.locator('table').filter({ has: page.getByRole('columnheader', { name: 'Person' }) });
    await agents.getByRole('rowheader', { name: 'Eva Agentová' }).waitFor();
    await lookAt(tab, 'agency-feedback-en');

    // The delivery behind the rating, with the client's comment, linking to its request.
    await row.getByRole('button', { name: `Rated deliveries of ${orgName}` }).click();
    const delivery = page.locator('li.rated-delivery').filter({ hasText: title });
    await delivery.waitFor();
    expect(await delivery.getByRole('link').getAttribute('href')).toBe(`/requests/${requestId}`);
    expect(await delivery.locator('.client-comment').textContent()).toBe('Quick and careful, thank you.');
    expect(await delivery.locator('.stars-number').textContent()).toBe('Rated 4 of 5');
    expect(await delivery.locator('.meta').textContent()).toContain('handed over by Eva Agentová');
    await lookAt(tab, 'agency-feedback-deliveries-en');

    // Finding one organisation by part of its name, accents and case aside.
    await page.getByLabel('Find an organisation or a person').fill(orgName.toUpperCase());
    await eventually(() => organisations.locator('tbody > tr:not(.ops-expanded)').count()).toBe(1);
    expect(await page.locator('section[aria-labelledby="agents-heading"] .empty').textContent()).toBe(`No name here contains “${orgName.toUpperCase()}”.`);
    await lookAt(tab, 'agency-feedback-filtered-en');
    await delivery.getByRole('link').click();
    await page.waitForURL(`**/requests/${requestId}`);
    expect(tab.errors).toEqual([]);
  }, 120_000);
});
