import type { TestProject } from 'vitest/node';
import { startSharedBrowser, type SharedBrowser } from '../support/browser.js';

declare module 'vitest' {
  export interface ProvidedContext {
    browser: SharedBrowser;
  }
}

/** One Chromium for every browser test of the run (test/support/browser.ts), closed after the last. */
export default async function setup(project: TestProject) {
  const { shared, close } = await startSharedBrowser();
  project.provide('browser', shared);
  return close;
}
