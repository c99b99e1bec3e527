import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { routes } from '../../../lib/http/routes.js';
import { ok } from '../../support/api-client.js';
import { downloadedBytes, eventually, lookAt, openPortal, signIn, useBrowser } from '../../support/browser.js';
import { freshOrganisation } from '../../support/fresh-organisation.js';

const browser = useBrowser();

/** A small PDF, padded so that its upload takes more than one progress event. */
const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n% zadání\n'), Buffer.alloc(256 * 1024, '% padding\n'), Buffer.from('%%EOF\n')]);
/** A 1×1 PNG. */
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** Picks files the way a person does: the Choose files button opens the browser's file chooser. */
const choose = async (page: Page, files: { name: string; mimeType: string; buffer: Buffer }[]) => {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose files' }).click()]);
  await chooser.setFiles(files);
};

describe('the portal: files on a request', () => {
  // Six pages looked at (axe, and screenshots at two widths each): more than the default 30 s on a busy machine.
  it('files a request with a file, posts a message with another, downloads one, and refuses a type not allowed (Digimadi, English)', async () => {
    const org = await freshOrganisation('Files');
    const tab = await openPortal(browser(), 'digimadi', 'en');
    const { page } = tab;
    await page.goto(tab.url('/sign-in'));
    await signIn(tab, org.emails.member, org.passwords.member);
    await page.getByRole('heading', { name: 'My requests' }).waitFor();

    // Filing: a PDF waits to be sent with the request; an HTML page is refused before any upload.
    await page.getByRole('link', { name: 'New request' }).click();
    await page.getByLabel('Title').fill('Brief for the autumn campaign');
    await page.getByRole('textbox', { name: 'Description' }).fill('The brief is attached.');
    await choose(page, [
      { name: 'brief.pdf', mimeType: 'application/pdf', buffer: pdf },
      { name: 'landing.html', mimeType: 'text/html', buffer: Buffer.from('<p>hi</p>') },
    ]);
    const brief = page.locator('.file-list li', { hasText: 'brief.pdf' });
    const landing = page.locator('.file-list li', { hasText: 'landing.html' });
    await expect.poll(() => brief.locator('.file-state').textContent()).toBe('Sent once you file the request');
    await expect.poll(() => landing.locator('.file-problem').textContent()).toContain('This type of file cannot be attached');
    await lookAt(tab, 'files-new-request-digimadi-en');
    await page.getByRole('button', { name: 'Remove landing.html' }).click();
    await expect.poll(() => page.locator('.file-list li').count()).toBe(1);
    await page.getByRole('button', { name: 'File the request' }).click();

    // The request opens once its file is uploaded, without waiting for its malware check: the file
    // is on the timeline, and can be downloaded once checked (the page reads it again by itself).
    await page.getByRole('heading', { name: 'Brief for the autumn campaign' }).waitFor();
    const requestId = /\/requests\/([\w-]+)/.exec(page.url())?.[1] ?? '';
    const added = page.locator('.entry-attachment_added', { hasText: 'brief.pdf' });
    await expect.poll(() => added.locator('.attachment .file-name').allTextContents()).toEqual(['brief.pdf']);
    await expect.poll(() => added.locator('.attachment .file-size').textContent()).toBe('262 kB');
    await expect.poll(() => added.getByRole('button', { name: 'Download brief.pdf' }).count(), { timeout: 25_000 }).toBe(1);
    await lookAt(tab, 'files-request-filed-digimadi-en');

    // A message with a PNG. The file store fails its first upload: a sentence, and it can be tried again.
    const { s3Url, portalUrls } = inject('stack');
    await page.route(
      (url) => url.href.startsWith(s3Url),
      (route) => (route.request().method() === 'POST' ? route.fulfill({ status: 503, headers: { 'access-control-allow-origin': portalUrls.digimadi }, body: 'SlowDown' }) : route.continue()),
      { times: 1 },
    );
    await page.getByRole('textbox', { name: 'Your message' }).fill('And the **logo**.');
    await choose(page, [{ name: 'logo.png', mimeType: 'image/png', buffer: png }]);
    const logo = page.locator('.composer .file-list li', { hasText: 'logo.png' });
    await expect.poll(() => logo.locator('.file-problem').textContent()).toBe('The file store did not take the file (503). Try again.');
    expect(await page.getByRole('button', { name: 'Send', exact: true }).isDisabled()).toBe(true);
    // The browser logs the refused upload; that one error is the one the test caused.
    expect(tab.errors).toEqual(['Failed to load resource: the server responded with a status of 503 (Service Unavailable)']);
    tab.errors.length = 0;
    await lookAt(tab, 'files-upload-failed-digimadi-en');
    await page.getByRole('button', { name: 'Try logo.png again' }).click();
    // Its upload shows its progress until done and checked for malware, then the message cites it.
    await eventually(() => logo.locator('.file-state').textContent()).toBe('Uploaded and checked');
    await expect.poll(() => page.getByRole('progressbar', { name: 'Upload of logo.png' }).evaluate((bar) => (bar as unknown as { value: number }).value)).toBe(100);
    expect(await logo.locator('.file-percent').textContent()).toBe('100 %');
    await lookAt(tab, 'files-message-uploaded-digimadi-en');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const secondMessage = page.locator('.entry-message', { hasText: 'And the logo.' });
    await expect.poll(() => secondMessage.locator('.attachment .file-name').allTextContents()).toEqual(['logo.png']);
    await expect.poll(() => page.locator('.composer .file-list').count()).toBe(0);

    // Downloading: the link is asked for on the click; it answers 200 with the file's bytes.
    const [download] = await Promise.all([page.waitForEvent('download'), secondMessage.getByRole('button', { name: 'Download logo.png' }).click()]);
    expect(download.suggestedFilename()).toBe('logo.png');
    expect(await downloadedBytes(download)).toEqual(png);
    const again = await fetch(download.url());
    expect(again.status).toBe(200);
    expect(Buffer.from(await again.arrayBuffer())).toEqual(png);
    await lookAt(tab, 'files-message-sent-digimadi-en');

    // A file of a type not allowed is refused with a sentence before any upload.
    await choose(page, [{ name: 'setup.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ') }]);
    const setup = page.locator('.composer .file-list li', { hasText: 'setup.exe' });
    await expect.poll(() => setup.locator('.file-problem').textContent()).toBe(
      'This type of file cannot be attached. Send it as PDF, an image, a text or office document, or in a ZIP.',
    );
    expect(await setup.locator('progress').count()).toBe(0);
    await lookAt(tab, 'files-refused-digimadi-en');

    const files = ok(await org.member.send(routes.listAttachments, { path: { requestId } }));
    expect(files.map((file) => file.fileName).sort()).toEqual(['brief.pdf', 'logo.png']);
  }, 120_000);
});
