import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const entry = fileURLToPath(new URL('../../../lib/mail/render-mail.ts', import.meta.url));

/** The mail code runs in the notifier Lambda, within a few hundred KB for everything: the
 * templates, Markdown and strings must stay small (and must not pull zod in: that alone is ~60 KB). */
it('bundles the mail renderer, zod included if it were used, under 60 KB minified', async () => {
  const result = await build({ entryPoints: [entry], write: false, bundle: true, minify: true, format: 'esm', platform: 'node', logLevel: 'silent' });
  expect(result.outputFiles[0]!.contents.byteLength).toBeLessThan(60_000);
}, 30_000);
