import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { routes } from '../../../lib/http/routes.js';
import { asDemoUser, ok, people } from '../../support/api-client.js';
import { eventually, lookAtUnfocused, openPortal, signInAsDemo, useBrowser, type PortalTab } from '../../support/browser.js';
import { freshOrganisation } from '../../support/fresh-organisation.js';
import { acmeBilling, deliverPayment, pricedOffer, waitForRequest } from '../../support/offers.js';
import { businessNow } from '../../support/workflow-clock.js';

/** The portal's language, switched in the header as a person would. */
const switchLanguage = async (tab: PortalTab, language: 'cs' | 'en') => {
  await tab.page.locator('.top .language select').selectOption(language);
};

/** An element's background colour as the browser computes it (this project's tests have no DOM types). */
const backgroundOf = (locator: Locator) =>
  locator.evaluate((element) => (globalThis as unknown as { getComputedStyle: (element: unknown) => { backgroundColor: string } }).getComputedStyle(element).backgroundColor);

/** Picks files in the composer as a person does: its Choose files button opens the browser's file chooser. */
const chooseFiles = async (page: Page, composer: Locator, files: { name: string; mimeType: string; buffer: Buffer }[]) => {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), composer.getByRole('button', { name: 'Choose files' }).click()]);
  await chooser.setFiles(files);
};

/**
 * Holds the API's answers to the calls `held` picks until `release()`, as a slow network would: the
 * page shows what it shows before it knows. Once released, those calls pass as they come.
 */
const holdAnswers = async (page: Page, held: (url: URL) => boolean) => {
  const { apiUrl } = inject('stack');
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) => url.href.startsWith(apiUrl) && held(url),
    async (route) => {
      await released;
      await route.continue();
    },
  );
  return release;
};

const browser = useBrowser();

describe('the portal: the agency works its queue', () => {
  it('takes a client’s paid request from the work queue, discusses it with the client, writes an internal note and starts work, as Eva on Azami in English (the step in Czech)', async () => {
    // A client of its own with one paid order: it is queued work, first in its client's order.
    const org = await freshOrganisation('Work');
    const agent = await asDemoUser(people.agent);
    ok(await org.admin.send(routes.setBilling, { path: { orgId: org.orgId }, body: acmeBilling }));
    const title = 'A faster checkout';
    const { requestId } = ok(await org.admin.send(routes.createRequest, { body: { type: 'inquiry', title, description: 'The checkout takes **too long**.', platform: 'azami' } }));
    const path = { requestId };
    const offer = ok(await agent.send(routes.postOffer, { path, body: pricedOffer() }));
    ok(await org.admin.send(routes.acceptOffer, { path: { ...path, offerNumber: offer.number }, body: { contentHash: offer.contentHash } }));
    const { order } = ok(await org.admin.send(routes.getOrder, { path }));
    const stack = inject('stack');
    const now = await businessNow(stack);
    const paid = await deliverPayment(stack, { paymentId: `agency-work-${requestId}`, variableSymbol: order.variableSymbol, amount: order.totals.gross, currency: order.currency, paidAt: now.toISOString() }, now);
    expect(paid.body.outcome).toBe('paid');
    await waitForRequest(org.admin, requestId, (status) => status === 'queued');
    const clientName = ok(await agent.send(routes.getOrganisation, { path: { orgId: org.orgId } })).name;

    // The work queue, filtered by that client from a shared link: kept through the sign-in.
    const tab = await openPortal(browser(), 'azami', 'en');
    const { page } = tab;
    await page.goto(tab.url(`/?orgId=${org.orgId}`));
    await signInAsDemo(tab, people.agent);
    await page.getByRole('heading', { name: 'Work queue' }).waitFor();
    expect(new URL(page.url()).searchParams.get('orgId')).toBe(org.orgId);
    const row = page.locator('.work-item', { hasText: title });
    await row.waitFor();
    await eventually(() => page.locator('.work-item').count()).toBe(1);
    await eventually(() => row.locator('.work-rank').textContent()).toBe(`#1 for ${clientName}`);
    expect(await row.locator('.status').textContent()).toBe('Queued');
    expect(await row.locator('.assignee-name').textContent()).toBe('Nobody is assigned');
    expect(await row.locator('.meta').textContent()).toMatch(/Inquiry.*Waiting since/);
    expect(await page.locator('.list-filters select').inputValue()).toBe(org.orgId);
    await lookAtUnfocused(tab, 'agency-work-queue-client-en');

    // Someone else…: the agency's people to give it to.
    await row.locator('summary').click();
    expect(await row.getByLabel('Assign to').locator('option').allTextContents()).toEqual(expect.arrayContaining(['Eva Agentová', 'Tomáš Správce']));
    await lookAtUnfocused(tab, 'agency-work-queue-assign-other-en');

    // Eva takes it: it is hers, and shows under "Mine".
    await row.getByRole('button', { name: /^Assign to me/ }).click();
    await eventually(() => row.locator('.assignee-name').textContent()).toBe('Assigned to Eva Agentová');
    expect(await row.locator('.badge.mine').textContent()).toBe('Assigned to you');
    expect(ok(await agent.send(routes.getRequest, { path })).assigneeId).toBe(ok(await agent.send(routes.getMe)).userId);
    await page.getByRole('link', { name: 'Mine' }).click();
    await page.waitForURL((url) => url.searchParams.get('assignee') === 'me' && url.searchParams.get('orgId') === org.orgId);
    await eventually(() => page.locator('.work-item', { hasText: title }).count()).toBe(1);
    // A reload keeps both filters.
    await page.reload();
    await page.locator('.work-item', { hasText: title }).waitFor();
    expect(await page.getByRole('link', { name: 'Mine' }).getAttribute('aria-current')).toBe('true');
    expect(await page.locator('.list-filters select').inputValue()).toBe(org.orgId);
    await lookAtUnfocused(tab, 'agency-work-queue-mine-en');
    // Unassigned work of that client: none now.
    await page.getByRole('link', { name: 'Unassigned' }).click();
    await eventually(() => page.locator('.empty').textContent()).toContain('Nothing in the queue matches these filters.');
    await lookAtUnfocused(tab, 'agency-work-queue-unassigned-en');

    // The request's page for the agency: the client, who is assigned, the steps the API allows.
    await page.goto(tab.url(`/?assignee=me&orgId=${org.orgId}`));
    await page.locator('.work-item', { hasText: title }).getByRole('link', { name: title }).click();
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    await eventually(() => page.locator('.agency-facts').textContent()).toContain(clientName);
    // The staff list names the assignee once it is read ("…" meanwhile).
    await eventually(() => page.locator('.agency-head .assignee-name').textContent()).toBe('Assigned to Eva Agentová');
    await eventually(() => page.locator('.agency-steps .actions > *').allTextContents()).toEqual(['Start work…']);
    // Opened from the work queue: back to it as it was filtered, and the navigation marks it.
    expect(await page.getByRole('link', { name: '← Work queue' }).getAttribute('href')).toBe(`/?assignee=me&orgId=${org.orgId}`);
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Work queue' }).getAttribute('aria-current')).toBe('page');

    // A message to the client: the composer says so, and the client reads it through the API.
    const composer = page.locator('form.composer');
    expect(await composer.getAttribute('class')).toContain('composer-message');
    await page.getByRole('textbox', { name: 'Your message to the client' }).fill('We start **on Monday**.');
    await lookAtUnfocused(tab, 'agency-request-message-en');
    await page.getByRole('button', { name: 'Send to the client' }).click();
    await eventually(() => page.locator('.entry-message .markdown strong').last().textContent()).toBe('on Monday');
    const clientTimeline = async () => ok(await org.admin.send(routes.listTimeline, { path, query: { limit: 100 } })).items;
    expect((await clientTimeline()).filter((entry) => entry.kind === 'message').map((entry) => entry.body)).toContain('We start **on Monday**.');

    // An internal note: another mode, its own draft, colour, label, button and files; the client never gets it.
    // A file for the client first, waiting with the message's draft.
    await page.getByRole('textbox', { name: 'Your message to the client' }).fill('A draft for the client.');
    await chooseFiles(page, composer, [{ name: 'checkout-plan.txt', mimeType: 'text/plain', buffer: Buffer.from('The plan for the client.') }]);
    const fileState = (name: string) => composer.locator('.file-list li', { hasText: name }).locator('.file-state').textContent();
    await eventually(() => fileState('checkout-plan.txt')).toBe('Uploaded and checked');
    await page.getByRole('radio', { name: 'Internal note' }).check();
    expect(await composer.getAttribute('class')).toContain('composer-internal');
    const noteBox = page.getByRole('textbox', { name: 'Internal note – the client does not see this' });
    expect(await noteBox.inputValue()).toBe('');
    expect(await page.getByRole('button', { name: 'Send to the client' }).count()).toBe(0);
    // The note's own files: the message's file is not among them, and what is picked here is internal.
    expect(await composer.getByRole('group', { name: 'Attach internal files – the client does not see them' }).count()).toBe(1);
    expect(await composer.locator('.file-list').count()).toBe(0);
    await chooseFiles(page, composer, [{ name: 'plugin-audit.txt', mimeType: 'text/plain', buffer: Buffer.from('Plugin 1.2 is outdated.') }]);
    await eventually(() => fileState('plugin-audit.txt')).toBe('Uploaded and checked');
    expect(await composer.locator('.file-list li .file-name').allTextContents()).toEqual(['plugin-audit.txt']);
    const note = 'The client’s shop runs an old plugin: check it first.';
    await noteBox.fill(note);
    await lookAtUnfocused(tab, 'agency-request-note-en');
    await page.getByRole('button', { name: 'Save internal note' }).click();
    const noteEntry = page.locator('.entry-internal_note', { hasText: note });
    await noteEntry.waitFor();
    expect(await noteEntry.locator('.internal-label').textContent()).toBe('Internal note – the client does not see this');
    await eventually(() => noteEntry.locator('.attachment .file-name').allTextContents()).toEqual(['plugin-audit.txt']);
    expect(await backgroundOf(noteEntry)).not.toBe(await backgroundOf(page.locator('.entry-message').first()));
    await eventually(() => composer.locator('.file-list').count()).toBe(0);
    // The message's draft and its file waited in their own mode.
    await page.getByRole('radio', { name: 'Message to the client' }).check();
    expect(await page.getByRole('textbox', { name: 'Your message to the client' }).inputValue()).toBe('A draft for the client.');
    expect(await composer.locator('.file-list li .file-name').allTextContents()).toEqual(['checkout-plan.txt']);
    await lookAtUnfocused(tab, 'agency-request-noted-en');
    // The client's read of the request's files lacks the note's file; the agent's has it, internal, cited by the note alone.
    const clientFiles = ok(await org.admin.send(routes.listAttachments, { path }));
    expect(clientFiles.map((file) => file.fileName)).toEqual(['checkout-plan.txt']);
    const agentFiles = ok(await agent.send(routes.listAttachments, { path }));
    const audit = agentFiles.find((file) => file.fileName === 'plugin-audit.txt');
    expect(audit?.visibility).toBe('agency');
    const seen = await clientTimeline();
    expect(seen.some((entry) => entry.kind === 'internal_note' || entry.visibility === 'agency')).toBe(false);
    expect(JSON.stringify(seen)).not.toContain('old plugin');
    expect(JSON.stringify(seen)).not.toContain('plugin-audit');
    const notes = ok(await agent.send(routes.listTimeline, { path, query: { limit: 100 } })).items.filter((entry) => entry.kind === 'internal_note');
    expect(notes.map((entry) => [entry.body, entry.attachmentIds])).toEqual([[note, [audit?.attachmentId]]]);
    // The message goes with its own file only.
    await page.getByRole('button', { name: 'Send to the client' }).click();
    const planMessage = page.locator('.entry-message', { hasText: 'A draft for the client.' });
    await eventually(() => planMessage.locator('.attachment .file-name').allTextContents()).toEqual(['checkout-plan.txt']);
    const plan = clientFiles[0]!;
    expect((await clientTimeline()).filter((entry) => entry.kind === 'message' && entry.body === 'A draft for the client.').map((entry) => entry.attachmentIds)).toEqual([[plan.attachmentId]]);

    // Work starts, in Czech: the step with its note, and the request is in progress.
    await switchLanguage(tab, 'cs');
    await page.getByRole('button', { name: 'Zahájit práci…' }).click();
    await page.getByLabel('Poznámka (nepovinná)').fill('Začínáme s úpravou košíku.');
    await lookAtUnfocused(tab, 'agency-request-start-work-cs');
    await page.getByRole('button', { name: 'Zahájit práci', exact: true }).click();
    await eventually(() => page.locator('.request-head .status').textContent()).toBe('Zpracovává se');
    expect(await page.getByRole('button', { name: 'Zahájit práci…' }).count()).toBe(0);
    await eventually(() => page.locator('.entry-status_changed .markdown').last().textContent()).toBe('Začínáme s úpravou košíku.');
    await lookAtUnfocused(tab, 'agency-request-in-progress-cs');
    expect(ok(await org.admin.send(routes.getRequest, { path }))).toMatchObject({ status: 'in_progress' });
    // The queue in Czech (the tab's language holds within the app, not through a reload): the client's request in progress, still Eva's.
    await page.getByRole('link', { name: '← Fronta práce' }).click();
    await page.getByRole('heading', { name: 'Fronta práce' }).waitFor();
    await page.getByRole('link', { name: 'Moje' }).click();
    await page.getByLabel('Klient').selectOption(org.orgId);
    await page.waitForURL((url) => url.searchParams.get('assignee') === 'me' && url.searchParams.get('orgId') === org.orgId);
    const inProgress = page.locator('.work-item', { hasText: title });
    await eventually(() => inProgress.locator('.status').textContent()).toBe('Zpracovává se');
    expect(await inProgress.locator('.work-rank').textContent()).toBe(`#1 v pořadí klienta ${clientName}`);
    await lookAtUnfocused(tab, 'agency-work-queue-mine-cs');
  }, 180_000);

  it('finds a new defect among all requests and explains it (the explanation required), reads what the client got without the client’s buttons, names an offer sent in its own words, and a step on a request the client cancelled meanwhile is a 409 with a reload', async () => {
    const org = await freshOrganisation('Explain');
    const explained = ok(await org.admin.send(routes.createRequest, { body: { type: 'defect', title: 'Images do not load', description: 'The gallery shows **no images**.', platform: 'azami' } }));
    const cancelled = ok(await org.admin.send(routes.createRequest, { body: { type: 'defect', title: 'The footer is cut off', description: 'On phones.', platform: 'azami' } }));
    const quoted = ok(await org.admin.send(routes.createRequest, { body: { type: 'inquiry', title: 'A new landing page', description: 'For the spring sale.', platform: 'azami' } }));
    const agent = await asDemoUser(people.agent);
    ok(await agent.send(routes.postOffer, { path: { requestId: quoted.requestId }, body: pricedOffer() }));
    // The footer is Eva's when the client cancels it.
    ok(await agent.send(routes.assignRequest, { path: { requestId: cancelled.requestId }, body: { assigneeId: ok(await agent.send(routes.getMe)).userId } }));

    // All requests: new ones of that client, chosen in the filters and kept in the address.
    const tab = await openPortal(browser(), 'azami', 'en');
    const { page } = tab;
    await page.goto(tab.url('/requests'));
    await signInAsDemo(tab, people.agent);
    await page.getByRole('heading', { name: 'Requests', level: 1 }).waitFor();
    await page.getByLabel('Client').selectOption(org.orgId);
    await page.getByLabel('Status').selectOption('submitted');
    await page.waitForURL((url) => url.searchParams.get('orgId') === org.orgId && url.searchParams.get('status') === 'submitted');
    await eventually(() => page.locator('.agency-requests li .title').allTextContents()).toEqual(['The footer is cut off', 'Images do not load']);
    await page.getByLabel('Title contains').fill('images');
    await page.getByRole('button', { name: 'Search' }).click();
    await eventually(() => page.locator('.agency-requests li .title').allTextContents()).toEqual(['Images do not load']);
    await page.reload();
    await eventually(() => page.locator('.agency-requests li .title').allTextContents()).toEqual(['Images do not load']);
    expect(await page.getByLabel('Title contains').inputValue()).toBe('images');
    expect(await page.locator('.agency-requests li .meta').textContent()).toMatch(/Submitted.*Defect.*Nobody is assigned/);
    await lookAtUnfocused(tab, 'agency-all-requests-en');

    // The defect's page: it may be clarified, fixed or explained.
    const listed = new URL(page.url());
    await page.getByRole('link', { name: /Images do not load/ }).click();
    await page.getByRole('heading', { name: 'Images do not load', level: 1 }).waitFor();
    // Opened from the Requests list: back to that list with its filters, and the navigation marks Requests, not the work queue.
    const backToList = page.getByRole('link', { name: '← Requests' });
    expect(await backToList.getAttribute('href')).toBe(listed.pathname + listed.search);
    expect(await page.getByRole('link', { name: '← Work queue' }).count()).toBe(0);
    const navigation = page.getByRole('navigation', { name: 'Main' });
    expect(await navigation.getByRole('link', { name: 'Requests' }).getAttribute('aria-current')).toBe('page');
    expect(await navigation.getByRole('link', { name: 'Work queue' }).getAttribute('aria-current')).toBeNull();
    // A tab of the request is no place to go back to; the browser's back and forward keep where it came from.
    await page.getByRole('tab', { name: 'People' }).click();
    await page.waitForURL((url) => url.searchParams.get('tab') === 'people');
    expect(await backToList.getAttribute('href')).toBe(listed.pathname + listed.search);
    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/requests' && url.search === listed.search);
    await eventually(() => page.locator('.agency-requests li .title').allTextContents()).toEqual(['Images do not load']);
    await page.goForward();
    await page.getByRole('heading', { name: 'Images do not load', level: 1 }).waitFor();
    expect(await backToList.getAttribute('href')).toBe(listed.pathname + listed.search);
    await page.getByRole('tab', { name: 'Communication' }).click();
    await eventually(() => page.locator('.agency-steps .actions > *').allTextContents()).toEqual(['Clarify…', 'Fix…', 'Explain…', 'Write an offer']);
    expect(await page.locator('.agency-head .assignee-name').textContent()).toBe('Nobody is assigned');
    await lookAtUnfocused(tab, 'agency-request-defect-en');
    // Given to someone else, then unassigned again.
    await page.locator('.agency-head').getByLabel('Assign to').selectOption({ label: 'Tomáš Správce' });
    await page.locator('.agency-head').getByRole('button', { name: 'Assign', exact: true }).click();
    await eventually(() => page.locator('.agency-head .assignee-name').textContent()).toBe('Assigned to Tomáš Správce');
    await lookAtUnfocused(tab, 'agency-request-assigned-other-en');
    await page.getByRole('button', { name: 'Unassign' }).click();
    await eventually(() => page.locator('.agency-head .assignee-name').textContent()).toBe('Nobody is assigned');
    expect(ok(await (await asDemoUser(people.agent)).send(routes.getRequest, { path: { requestId: explained.requestId } })).assigneeId).toBeUndefined();

    // Explained in Czech: without the explanation the API refuses it, and the field says why.
    await switchLanguage(tab, 'cs');
    await page.getByRole('button', { name: 'Vysvětlit…' }).click();
    const explanation = page.getByLabel('Vysvětlení pro klienta (povinné)');
    await page.getByRole('button', { name: 'Odeslat vysvětlení' }).click();
    await eventually(() => page.locator('.agency-steps .field-problem').textContent()).toBe('Nejdřív napište vysvětlení: právě to klient dostane.');
    expect(await explanation.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.agency-steps [role=alert]').getAttribute('data-status')).toBe('400');
    expect(ok(await org.admin.send(routes.getRequest, { path: { requestId: explained.requestId } })).status).toBe('submitted');
    await lookAtUnfocused(tab, 'agency-request-explain-missing-cs');
    await explanation.fill('Obrázky jsou větší než 10 MB: zmenšete je prosím.');
    await page.getByRole('button', { name: 'Odeslat vysvětlení' }).click();
    await eventually(() => page.locator('.request-head .status').textContent()).toBe('Zodpovězeno');
    expect(await page.locator('.agency-steps .field-problem').count()).toBe(0);
    // What the client got and until when they may reopen it, read only: not the client's panel with its buttons
    // (the agency closes it by its own step, after a confirmation).
    const answerNote = page.locator('.explanation-note');
    await eventually(() => answerNote.locator('.markdown').textContent()).toBe('Obrázky jsou větší než 10 MB: zmenšete je prosím.');
    expect(await answerNote.getByRole('heading', { level: 2 }).textContent()).toBe('Vysvětlení, které klient dostal');
    expect(await answerNote.locator('.muted').textContent()).toContain('Eva Agentová');
    expect(await answerNote.locator('.explanation-window').textContent()).toMatch(/^Klient může požadavek znovu otevřít do .+ \(za \d+ dní\); potom se uzavře sám\.$/);
    expect(await answerNote.locator('button, a, textarea').count()).toBe(0);
    expect(await page.locator('.explanation').count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Odpověď agentury' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Uzavřít: odpověď to řeší' }).count()).toBe(0);
    expect(await page.locator('.agency-steps .actions > *').allTextContents()).toEqual(['Uzavřít…']);
    await lookAtUnfocused(tab, 'agency-request-explained-cs');
    await switchLanguage(tab, 'en');
    expect(await answerNote.getByRole('heading', { level: 2 }).textContent()).toBe('The explanation the client got');
    expect(await answerNote.locator('.explanation-window').textContent()).toMatch(/^The client may reopen the request until .+ \(in \d+ days\); after that it closes by itself\.$/);
    expect(await page.getByRole('button', { name: 'Close: the answer solves it' }).count()).toBe(0);
    await lookAtUnfocused(tab, 'agency-request-explained-en');
    await switchLanguage(tab, 'cs');
    // The client gets the answer: the request is answered, with the explanation and a window to reopen it.
    expect(ok(await org.admin.send(routes.getRequest, { path: { requestId: explained.requestId } }))).toMatchObject({ status: 'answered', reopenUntil: expect.any(String) });
    const answer = ok(await org.admin.send(routes.listTimeline, { path: { requestId: explained.requestId }, query: { limit: 100 } })).items.find((entry) => entry.details?.action === 'explain');
    expect(answer?.body).toBe('Obrázky jsou větší než 10 MB: zmenšete je prosím.');

    // Meanwhile the client cancels the other one: the step Eva was about to take is refused with a reload.
    await page.getByRole('navigation', { name: 'Hlavní' }).getByRole('link', { name: 'Požadavky' }).click();
    await page.getByLabel('Klient').selectOption(org.orgId);
    await page.getByRole('link', { name: /The footer is cut off/ }).click();
    await page.getByRole('heading', { name: 'The footer is cut off', level: 1 }).waitFor();
    expect(await page.getByRole('link', { name: '← Požadavky' }).getAttribute('href')).toBe(`/requests?orgId=${org.orgId}`);
    await page.getByRole('button', { name: 'Upřesnit…' }).click();
    ok(await org.admin.send(routes.cancelRequest, { path: { requestId: cancelled.requestId }, body: { reason: 'Opraveno jinak.' } }));
    await page.getByRole('button', { name: 'Přejít k upřesnění' }).click();
    await eventually(() => page.locator('.agency-steps [role=alert]').getAttribute('data-status')).toBe('409');
    expect(await page.locator('.agency-steps [role=alert]').textContent()).toContain('Načtěte stránku znovu');
    await lookAtUnfocused(tab, 'agency-request-conflict-cs');
    await page.getByRole('button', { name: 'Načíst požadavek znovu' }).click();
    await eventually(() => page.locator('.request-head .status').textContent()).toBe('Zrušeno');
    expect(await page.locator('.agency-steps [role=alert]').count()).toBe(0);
    expect(await page.locator('.agency-steps').textContent()).toContain('Na agenturu teď nečeká žádný krok.');
    // Finished, it says who had it, in the past: no assign controls and nothing that contradicts it.
    const head = page.locator('.agency-head');
    expect(await head.locator('.assignee-name').textContent()).toBe('Měl(a) na starosti: Eva Agentová');
    expect(await head.locator('.assign, button, select').count()).toBe(0);
    expect(await head.textContent()).not.toContain('nepřiděluje');
    await lookAtUnfocused(tab, 'agency-request-cancelled-cs');
    await switchLanguage(tab, 'en');
    await eventually(() => head.locator('.assignee-name').textContent()).toBe('Handled by Eva Agentová');
    expect(await head.textContent()).not.toMatch(/not assigned|Assigned to/);
    await lookAtUnfocused(tab, 'agency-request-cancelled-en');

    // An offer sent: the head says it in the agency's words, not the client's "Offer to decide".
    await page.goto(tab.url(`/requests/${quoted.requestId}`));
    await page.getByRole('heading', { name: 'A new landing page', level: 1 }).waitFor();
    // Loaded afresh (as from a mail's link): back to the work queue, which the navigation marks.
    expect(await page.getByRole('link', { name: '← Work queue' }).getAttribute('href')).toBe('/');
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Work queue' }).getAttribute('aria-current')).toBe('page');
    await switchLanguage(tab, 'en');
    await eventually(() => page.locator('.request-head .status').textContent()).toBe('Offer sent');
    expect(await page.getByText('Offer to decide').count()).toBe(0);
    await lookAtUnfocused(tab, 'agency-request-offer-sent-en');
    await switchLanguage(tab, 'cs');
    await eventually(() => page.locator('.request-head .status').textContent()).toBe('Nabídka odeslána');
    expect(await page.getByText('Nabídka k rozhodnutí').count()).toBe(0);
    await lookAtUnfocused(tab, 'agency-request-offer-sent-cs');
    // The status is the client's too: their page words it as theirs ("Offer to decide").
    expect(ok(await org.admin.send(routes.getRequest, { path: { requestId: quoted.requestId } })).status).toBe('quoted');
  }, 180_000);

  it('shows what it is still reading as being read (no “No messages yet” before the timeline came, no client id before the client’s name, no “no longer on the staff” before the staff list), then the language the client reads next to the client', async () => {
    const org = await freshOrganisation('Network');
    const agent = await asDemoUser(people.agent);
    const title = 'The search is slow';
    const { requestId } = ok(await org.admin.send(routes.createRequest, { body: { type: 'defect', title, description: 'Seconds per query.', platform: 'azami' } }));
    ok(await agent.send(routes.assignRequest, { path: { requestId }, body: { assigneeId: ok(await agent.send(routes.getMe)).userId } }));
    const clientName = ok(await agent.send(routes.getOrganisation, { path: { orgId: org.orgId } })).name;

    const tab = await openPortal(browser(), 'azami', 'en');
    const { page } = tab;
    await page.goto(tab.url('/'));
    await signInAsDemo(tab, people.agent);
    await page.getByRole('heading', { name: 'Work queue' }).waitFor();
    // The timeline, the client and the staff list answer late; the request itself is read.
    const release = await holdAnswers(page, (url) => url.pathname.endsWith('/timeline') || url.pathname === '/staff' || url.pathname.startsWith('/orgs/'));
    await page.goto(tab.url(`/requests/${requestId}`));
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    const communication = page.locator('.communication');
    await communication.locator('[aria-busy=true]').waitFor();
    expect(await communication.textContent()).not.toContain('No messages yet.');
    expect(await communication.locator('[aria-busy=true]').textContent()).toBe('Loading the messages…');
    const facts = page.locator('.agency-facts');
    expect(await facts.textContent()).not.toContain(org.orgId);
    // The client's name and language both wait for the client.
    expect(await facts.locator('dd[aria-busy=true]').allTextContents()).toEqual(['…', '…']);
    const assignee = page.locator('.agency-head .assignee-name');
    expect(await assignee.textContent()).toBe('…');
    expect(await assignee.getAttribute('aria-busy')).toBe('true');
    expect(await page.locator('.agency-head').textContent()).not.toContain('no longer on the staff');
    await lookAtUnfocused(tab, 'agency-request-loading-en');

    // Each answer in: what it says, and nothing shows as being read any more.
    release();
    await eventually(() => facts.getByRole('link').first().textContent()).toBe(clientName);
    await eventually(() => assignee.textContent()).toBe('Assigned to Eva Agentová');
    await communication.locator('.entry-request_created').waitFor();
    expect(await page.locator('.agency-head [aria-busy], .communication [aria-busy]').count()).toBe(0);
    expect(await communication.textContent()).not.toContain('No messages yet.');
    // The language the client reads, next to the client: what an offer or a message to them is written in.
    expect(await facts.locator('.client-language').textContent()).toBe('Czech (write offers and messages in it)');
    await lookAtUnfocused(tab, 'agency-request-loaded-en');
    await switchLanguage(tab, 'cs');
    await eventually(() => facts.locator('.client-language').textContent()).toBe('čeština (nabídky a zprávy pište v ní)');
    expect(await facts.locator('dt').allTextContents()).toContain('Jazyk klienta');
    await lookAtUnfocused(tab, 'agency-request-client-language-cs');
    // A client who reads English: the agency's admin changed it.
    const admin = await asDemoUser(people.admin);
    const { version } = ok(await admin.send(routes.getOrganisation, { path: { orgId: org.orgId } }));
    ok(await admin.send(routes.changeOrganisation, { path: { orgId: org.orgId }, body: { language: 'en', version } }));
    await page.reload();
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    await eventually(() => facts.locator('.client-language').textContent()).toBe('English (write offers and messages in it)');
  }, 120_000);
});
