import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Test files run ORDERDESK_TEST_WORKERS at a time (default 3). Vitest's default is cores − 1,
    // i.e. one at a time on a 2-core machine, while most of an integration file's time is spent
    // waiting for the stack or the browser.
    maxWorkers: Number(process.env.ORDERDESK_TEST_WORKERS ?? 3),
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], env: { POWERTOOLS_LOG_LEVEL: 'SILENT' } } },
      // Synthesizes the CDK app with real bundling (esbuild), like `cdk synth`.
      {
        test: {
          name: 'infra',
          include: ['test/infra/**/*.test.ts'],
          // The first synth of a file (app.test.ts's beforeAll, nag.test.ts's first test) bundles
          // every function once (~100 `npx esbuild` runs; app and nag bundle at the same time):
          // 100–125 s measured beside other work, over vitest's default 10 s. 300 s keeps a
          // margin on a loaded machine and still fails a real hang.
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          // Starts `bin/local.ts` once, on free ports and a fresh data dir, for all integration tests,
          // and one Chromium the browser tests connect to.
          globalSetup: ['test/integration/global-setup.ts', 'test/integration/browser-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'workflow',
          include: ['test/workflow/**/*.test.ts'],
          // The integration project's stack (one per run), but only once its tests are done: these
          // move the business clock (days at a time), which would expire other tests' upload tickets
          // and idempotency records. One file at a time (which also puts them after every other
          // file), so no two of them move the clock under each other.
          globalSetup: ['test/integration/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
