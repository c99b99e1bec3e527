import { describe, expect, inject, it } from 'vitest';
import * as z from 'zod';
import type { Page } from 'playwright-core';
import { citeRefusal } from '../../../lib/domain/attachment-scan.js';
import { errorAnswer } from '../../../lib/http/error-response.js';
import { routes } from '../../../lib/http/routes.js';
import { asDemoUser, ok, people } from '../../support/api-client.js';
import { downloadedBytes, eventually, lookAt, lookAtUnfocused, openPortal, signIn, signInAsDemo, useBrowser, type PortalTab } from '../../support/browser.js';
import { freshOrganisation } from '../../support/fresh-organisation.js';

const browser = useBrowser();

/** A small PDF. */
const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n% zadání\n'), Buffer.alloc(4 * 1024, '% padding\n'), Buffer.from('%%EOF\n')]);
/** The EICAR test file every scanner reports as malware, built here so that no scanner quarantines this source file. */
const eicar = Buffer.from(['X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR', '-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'].join(''));

/** What a person sees once the page caught up by itself (the request's live refresh reads it again every 10 s). */
const seesBy = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 25_000, interval: 250 });

/** Picks files the way a person does: the button opens the browser's file chooser. */
const choose = async (page: Page, button: string, files: { name: string; mimeType: string; buffer: Buffer }[]) => {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: button }).click()]);
  await chooser.setFiles(files);
};

/**
 * Holds the page's reads of the request's files list back until released: the check a file is in
 * stays on screen however fast the local scanner answers (about a second), long enough to look at.
 */
const holdFileChecks = async (tab: PortalTab, requestId: string) => {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const isList = (url: URL) => url.pathname.endsWith(`/requests/${requestId}/attachments`);
  await tab.page.route(isList, async (route) => {
    if (route.request().method() === 'GET') await released;
    await route.continue();
  });
  // Released, the route lets every read through at once (it stays: unrouting would race the held ones).
  return release;
};

describe('the portal: files are checked for malware before anyone is sent them', () => {
  it('sends a clean PDF once checked, which the agent opens; refuses the EICAR test file as malware, never sends it, and both timelines say so', async () => {
    const org = await freshOrganisation('Scan');
    const agentApi = await asDemoUser(people.agent);
    const { requestId } = ok(await org.member.send(routes.createRequest, { body: { type: 'defect', title: 'Objednávky se neodesílají', description: 'Zadání přikládám.', platform: 'azami' } }));

    // The client, in Czech, writes a message and attaches a PDF: it uploads, then is checked.
    const client = await openPortal(browser(), 'azami', 'cs');
    let page = client.page;
    await page.goto(client.url(`/requests/${requestId}`));
    await page.waitForURL(/\/sign-in/);
    await signIn(client, org.emails.member, org.passwords.member);
    await page.getByRole('heading', { name: 'Objednávky se neodesílají', level: 1 }).waitFor();
    const release = await holdFileChecks(client, requestId);
    await page.getByRole('textbox', { name: 'Vaše zpráva' }).fill('Posílám **zadání** v PDF.');
    await choose(page, 'Vybrat soubory', [{ name: 'zadani.pdf', mimeType: 'application/pdf', buffer: pdf }]);
    const brief = page.locator('.composer .file-list li', { hasText: 'zadani.pdf' });
    const send = page.getByRole('button', { name: 'Odeslat', exact: true });
    await eventually(() => brief.locator('.file-state').textContent()).toBe('Kontroluji na malware…');
    // Send waits for the check, and says so next to the button.
    expect(await send.isDisabled()).toBe(true);
    expect(await page.locator('.composer .actions .composer-wait').textContent()).toBe('Čekám na kontrolu souborů…');
    expect(await page.locator('.composer .file-upload [aria-live]').textContent()).toBe('zadani.pdf je nahrán; kontroluji ho na malware.');
    await lookAtUnfocused(client, 'file-scan-checking-azami-cs');

    // The scanner found it clean: it can be sent.
    release();
    await eventually(() => brief.locator('.file-state').textContent()).toBe('Nahráno a zkontrolováno');
    expect(await send.isDisabled()).toBe(false);
    expect(await page.locator('.composer-wait').count()).toBe(0);
    expect(await page.locator('.composer .file-upload [aria-live]').textContent()).toBe('zadani.pdf je zkontrolován a připraven k odeslání.');
    await lookAtUnfocused(client, 'file-scan-checked-azami-cs');

    // A race: when the message goes, the API no longer takes the file as checked (its 409, in its
    // own words, played here once). A sentence; what was typed stays; the file is checked again.
    const messages = (url: URL) => url.pathname.endsWith(`/requests/${requestId}/messages`);
    let raced = false;
    await page.route(messages, async (route) => {
      if (route.request().method() !== 'POST' || raced) return route.continue();
      raced = true;
      const [attachmentId = ''] = z.object({ attachmentIds: z.array(z.string()) }).parse(route.request().postDataJSON()).attachmentIds;
      const answer = errorAnswer(citeRefusal({ attachmentId, fileName: 'zadani.pdf', scan: 'pending' }));
      return route.fulfill({
        status: answer.statusCode,
        headers: { 'access-control-allow-origin': inject('stack').portalUrls.azami, 'content-type': 'application/json' },
        body: JSON.stringify(answer.body),
      });
    });
    await send.click();
    await eventually(() => page.locator('.composer .problem').textContent()).toBe(
      'Nic se neodeslalo: soubor zadani.pdf ještě neprošel kontrolou na malware. Kontroluje se znovu; odešlete, až bude připraven. Co jste napsali, zůstává.',
    );
    expect(await page.getByRole('textbox', { name: 'Vaše zpráva' }).inputValue()).toBe('Posílám **zadání** v PDF.');
    await eventually(() => brief.locator('.file-state').textContent()).toBe('Nahráno a zkontrolováno');
    await lookAtUnfocused(client, 'file-scan-race-azami-cs');
    await page.unroute(messages);
    await send.click();
    const message = page.locator('.entry-message', { hasText: 'Posílám zadání v PDF.' });
    await eventually(() => message.locator('.attachment .file-name').allTextContents()).toEqual(['zadani.pdf']);
    expect(await page.locator('.composer .problem').count()).toBe(0);
    expect(await message.getByRole('button', { name: 'Stáhnout zadani.pdf' }).count()).toBe(1);

    // The agent, in English, sees the file with the message and opens it: the bytes sent.
    const agent = await openPortal(browser(), 'azami', 'en');
    await agent.page.goto(agent.url(`/requests/${requestId}`));
    await signInAsDemo(agent, people.agent);
    const received = agent.page.locator('.entry-message', { hasText: 'Posílám zadání v PDF.' });
    await eventually(() => received.locator('.attachment .file-name').allTextContents()).toEqual(['zadani.pdf']);
    const [download] = await Promise.all([agent.page.waitForEvent('download'), received.getByRole('button', { name: 'Download zadani.pdf' }).click()]);
    expect(download.suggestedFilename()).toBe('zadani.pdf');
    expect(await downloadedBytes(download)).toEqual(pdf);
    await lookAt(agent, 'file-scan-agent-opens-en');

    // The client attaches the EICAR test file: reported as malware, with the scanner's name for it.
    page = client.page;
    await page.bringToFront();
    await choose(page, 'Vybrat soubory', [{ name: 'eicar.txt', mimeType: 'text/plain', buffer: eicar }]);
    const infected = page.locator('.composer .file-list li', { hasText: 'eicar.txt' });
    await eventually(() => infected.locator('.file-problem').textContent()).toMatch(/^Tento soubor obsahuje malware \(.*EICAR.*\); byl odstraněn\. Pošlete čistou kopii\.$/i);
    expect(await infected.locator('.file-state').count()).toBe(0);
    expect(await page.locator('.composer .file-upload [aria-live]').textContent()).toBe('eicar.txt obsahuje malware a byl odstraněn.');
    expect(await page.getByRole('button', { name: 'Odebrat eicar.txt' }).count()).toBe(1);
    // Nothing to send: the file is not among what a message can cite.
    expect(await page.getByRole('button', { name: 'Odeslat', exact: true }).isDisabled()).toBe(true);
    await lookAtUnfocused(client, 'file-scan-malware-azami-cs');
    // A message written now goes without it.
    await page.getByRole('textbox', { name: 'Vaše zpráva' }).fill('Ještě jeden soubor.');
    await page.getByRole('button', { name: 'Odeslat', exact: true }).click();
    const withoutIt = page.locator('.entry-message', { hasText: 'Ještě jeden soubor.' });
    await withoutIt.waitFor();
    expect(await withoutIt.locator('.attachment').count()).toBe(0);

    // The timeline says the file was blocked; its own entry names the threat and offers no download.
    const [eicarFile] = ok(await agentApi.send(routes.listAttachments, { path: { requestId } })).filter((file) => file.fileName === 'eicar.txt');
    expect(eicarFile).toMatchObject({ scan: 'infected', threat: expect.stringMatching(/eicar/i) });
    const threat = eicarFile!.threat!;
    expect((await agentApi.send(routes.downloadAttachment, { path: { requestId, attachmentId: eicarFile!.attachmentId } })).status).toBe(409);
    const timeline = ok(await agentApi.send(routes.listTimeline, { path: { requestId }, query: { limit: 100 } })).items;
    expect(timeline.find((entry) => entry.kind === 'message' && entry.body === 'Ještě jeden soubor.')?.attachmentIds).toBeUndefined();
    await seesBy(() => page.locator('.entry-attachment_blocked .entry-summary').textContent()).toBe(`Soubor eicar.txt obsahuje malware (${threat}), proto byl odstraněn a nelze ho otevřít.`);
    await seesBy(() => page.locator('.entry-attachment_added', { hasText: 'eicar.txt' }).locator('.scan-badge').textContent()).toBe(`Nalezen malware – odstraněno (${threat})`);
    expect(await page.getByRole('button', { name: 'Stáhnout eicar.txt' }).count()).toBe(0);
    await lookAtUnfocused(client, 'file-scan-blocked-entry-azami-cs');

    // The agent's timeline says it in English.
    await agent.page.bringToFront();
    await seesBy(() => agent.page.locator('.entry-attachment_blocked .entry-summary').textContent()).toBe(`The file eicar.txt contains malware (${threat}) and was removed from reach.`);
    await seesBy(() => agent.page.locator('.entry-attachment_added', { hasText: 'eicar.txt' }).locator('.scan-badge').textContent()).toBe(`Malware found – removed (${threat})`);
    await lookAt(agent, 'file-scan-blocked-entry-en');

    // The agent fixes the defect and hands it over: only the clean file can be picked; the blocked one shows why not.
    ok(await agentApi.send(routes.takeAction, { path: { requestId }, body: { action: 'fix' } }));
    await agent.page.goto(agent.url(`/requests/${requestId}?tab=handover`));
    const handoverFiles = agent.page.locator('.handover-files');
    await eventually(() => handoverFiles.getByRole('checkbox', { name: /zadani\.pdf/ }).isEnabled()).toBe(true);
    expect(await handoverFiles.getByRole('checkbox', { name: /eicar\.txt/ }).isDisabled()).toBe(true);
    expect(await handoverFiles.locator('.choice.unavailable .scan-badge').textContent()).toBe(`Malware found – removed (${threat})`);
    expect(await handoverFiles.locator('.hint').first().textContent()).toBe('Only files checked for malware and found clean can be handed over.');
    await lookAt(agent, 'file-scan-handover-en');
  }, 150_000);
});
