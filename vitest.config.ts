import { defineConfig } from 'vitest/config';

/** Unit files that test a module's first load (tracing's cold start). */
const unitFilesNeedingFreshModules = ['test/unit/observability/tracing.test.ts'];

export default defineConfig({
  test: {
    // Test files run ORDERDESK_TEST_WORKERS at a time (default 3). Vitest's default is cores − 1,
    // i.e. one at a time on a 2-core machine, while most of an integration file's time is spent
    // waiting for the stack or the browser.
    maxWorkers: Number(process.env.ORDERDESK_TEST_WORKERS ?? 3),
    projects: [
      // Unit files share their modules within a worker (no fresh import of the module graph per file:
      // the project took 36 s alone isolated, 11 s not), except those that test what a module does
      // on its first load, which get fresh modules in a project of their own.
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          exclude: unitFilesNeedingFreshModules,
          isolate: false,
          env: { POWERTOOLS_LOG_LEVEL: 'SILENT' },
        },
      },
      { test: { name: 'unit-fresh-modules', include: unitFilesNeedingFreshModules, env: { POWERTOOLS_LOG_LEVEL: 'SILENT' } } },
      // Synthesizes the CDK app with real bundling (esbuild), like `cdk synth`.
      {
        test: {
          name: 'infra',
          include: ['test/infra/**/*.test.ts'],
          // One process for every infra file, one file after another: the functions are bundled in
          // one esbuild pass (infra/function-bundles.ts), CDK is loaded once and the portal built
          // once. Its own group (after the unit and integration files, which run side by side):
          // vitest runs projects of different parallelism one group at a time.
          isolate: false,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          // The first synth of the whole app (whichever file runs it) includes that pass: ~4 s of
          // it alone on 2 cores, up to ~35 s measured beside other test runs.
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          // Files share their modules within a worker, as the unit files do: they hold no module state
          // of their own (each makes its clients, organisations and people), and a fresh import of
          // Playwright, the SDK clients and the support code per file cost ~35 of ~105 core-s.
          isolate: false,
          // Starts `bin/local.ts` once, on free ports and a fresh data dir, for all integration tests,
          // and one Chromium the browser tests connect to.
          globalSetup: ['test/integration/global-setup.ts', 'test/integration/browser-setup.ts'],
          // Bounds, not targets: with files side by side a step may wait for other files' work.
          testTimeout: 90_000,
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
