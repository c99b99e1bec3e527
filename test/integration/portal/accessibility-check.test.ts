import { describe, expect, it } from 'vitest';
import { expectAccessible, useBrowser } from '../../support/browser.js';

const browser = useBrowser();

/** The check every portal page passes (test/support/browser.ts) must still find what it is for. */
describe('the accessibility check of every portal page', () => {
  it('fails a page with an image without a text alternative and a button without a name, naming both', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    await page.setContent('<html lang="en"><head><title>Broken</title></head><body><main><img src="x.png"><button></button></main></body></html>');
    const failure = await expectAccessible(page, 'broken page').then(() => 'passed', (error: unknown) => String(error));
    expect(failure).toContain('broken page: image-alt (critical)');
    expect(failure).toContain('broken page: button-name (critical)');
    await context.close();
  });

  it('passes the same page once both have one', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    await page.setContent('<html lang="en"><head><title>Fixed</title></head><body><main><img src="x.png" alt="Logo"><button>Send</button></main></body></html>');
    await expectAccessible(page, 'fixed page');
    await context.close();
  });
});
