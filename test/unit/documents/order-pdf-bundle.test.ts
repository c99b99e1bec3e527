import * as standardFonts from '@pdf-lib/standard-fonts';
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { bundleOptions } from '../../../infra/bundle-options.js';
import { FontNames } from '../../../infra/bundle-stubs/pdf-lib-standard-fonts.js';
import { renderOrderPdf } from '../../../lib/documents/order-pdf.js';
import { bundledOrders } from './bundled-orders.js';

/**
 * generate-order's bundle leaves parts of pdf-lib out (the stand-ins in infra/bundle-stubs, by the
 * bundling options' `alias`). The order PDF made by such a bundle is the very one the source makes.
 */

let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'order-pdf-bundle-'));
  const entry = fileURLToPath(new URL('./bundled-orders.ts', import.meta.url));
  const outfile = path.join(dir, 'bundled-orders.mjs');
  await build({ ...bundleOptions, sourcemap: false, entryPoints: [entry], bundle: true, outfile, logLevel: 'silent' });
  const run = spawnSync(process.execPath, [outfile, dir], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`the bundled renderer failed: ${run.stderr}`);
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the order PDF as generate-order bundles it', { timeout: 30_000 }, () => {
  it.each(Object.keys(bundledOrders()))('is byte for byte the PDF the source renders (%s)', async (name) => {
    const fromSource = await renderOrderPdf(bundledOrders()[name]!);
    const fromBundle = fs.readFileSync(path.join(dir, `${name}.pdf`));
    expect(fromBundle.length).toBeGreaterThan(10_000);
    expect(Buffer.from(fromSource).equals(fromBundle)).toBe(true);
  });

  it('refuses a standard font or a PNG image there, saying they are left out', () => {
    const refusals = z.object({ standardFont: z.string(), png: z.string() }).parse(JSON.parse(fs.readFileSync(path.join(dir, 'refusals.json'), 'utf8')));
    expect(refusals.standardFont).toMatch(/^The standard font Helvetica is left out of the function bundles/);
    expect(refusals.png).toMatch(/^PNG images are left out of the function bundles/);
  });

  it('tells a standard font by the same 14 names as pdf-lib’s own package', () => {
    expect(FontNames).toEqual({ ...standardFonts.FontNames });
  });
});
