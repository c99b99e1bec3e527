import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleBudgetBytes, bundleBudgetOf } from '../infra/bundle-options.js';
import { buildFunctionBundles, writeFunctionBundle } from '../infra/function-bundles.js';
import { functionList } from '../lib/lambda/table.js';
import { noRoute, routeList } from '../lib/http/routes.js';
import { percentile } from '../bench/stats.js';
import { portalFirstPage, portalFirstPageBudgetBytes } from './portal-size.js';

/** The users' goal for a route function's cold import (a person waits for it): printed with the machine's load, not enforced. */
const coldImportGoalMs = 60;

/**
 * Builds every function exactly as the CDK app bundles it (`buildFunctionBundles`: one esbuild
 * pass with `bundleOptions`), prints each bundle's minified size
 * and its cold import time (a fresh Node process importing it, median of 5), and exits 1 if
 * any bundle is over its budget (`bundleBudgetOf`: the default, or the function's own).
 */


const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, '.local', 'bundles');
const runs = 5;

// What a function finds in its environment in Lambda; import-time code may read it.
const lambdaEnv = { ...process.env, TABLE_NAME: 'bench', AWS_REGION: 'eu-central-1', APP_CLIENT_IDS: '{}', POWERTOOLS_LOG_LEVEL: 'SILENT' };

const coldImportMs = (file: string): number => {
  const script = `const t = performance.now(); await import(${JSON.stringify(file)}); process.stdout.write(String(performance.now() - t));`;
  const times = Array.from({ length: runs }, () => {
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { env: lambdaEnv, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`importing ${file} failed:\n${result.stderr}`);
    return Number(result.stdout);
  }).sort((a, b) => a - b);
  return times[Math.floor(runs / 2)] ?? Number.NaN;
};

const rows: { name: string; bytes: number; budget: number; ms: number }[] = [];
const bundles = buildFunctionBundles([...routeList, noRoute, ...functionList].map(({ name }) => name));
for (const [name, files] of bundles) {
  const dir = path.join(outDir, name);
  fs.mkdirSync(dir, { recursive: true });
  writeFunctionBundle(files, dir);
  const outfile = path.join(dir, 'index.mjs');
  rows.push({ name, bytes: fs.statSync(outfile).size, budget: bundleBudgetOf(name), ms: coldImportMs(outfile) });
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
console.log(`function bundles (minified ESM, node24, default budget ${kb(bundleBudgetBytes)}; import time = median of ${runs} cold imports)\n`);
const width = Math.max(...rows.map((row) => row.name.length)) + 2;
console.log(`${'function'.padEnd(width)}${'size'.padStart(12)}${'budget'.padStart(12)}${'cold import'.padStart(14)}`);
for (const row of rows) {
  const over = row.bytes > row.budget ? '  OVER BUDGET' : '';
  console.log(`${row.name.padEnd(width)}${kb(row.bytes).padStart(12)}${kb(row.budget).padStart(12)}${`${row.ms.toFixed(1)} ms`.padStart(14)}${over}`);
}
const routeNames = new Set(routeList.map((route) => route.name));
const routeMedian = percentile(rows.filter((row) => routeNames.has(row.name)).map((row) => row.ms), 50);
const missed = routeMedian > coldImportGoalMs ? ', missed' : '';
console.log(`\nmedian cold import of the ${routeNames.size} route functions: ${routeMedian.toFixed(1)} ms (goal ≤ ${coldImportGoalMs} ms${missed}; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.availableParallelism()} cores)`);

const portal = await portalFirstPage(path.join(root, '.local', 'portal-size'));
console.log(`\nportal: the first page's JavaScript (gzipped; later pages load their own chunks), budget ${kb(portalFirstPageBudgetBytes)}\n`);
for (const file of portal.files) console.log(`  ${file.file.padEnd(width + 20)}${kb(file.bytes).padStart(12)} minified${kb(file.gzipped).padStart(12)} gzipped`);
const portalOver = portal.gzipped > portalFirstPageBudgetBytes;
console.log(`  ${'first page'.padEnd(width + 20)}${''.padStart(21)}${kb(portal.gzipped).padStart(12)} gzipped${portalOver ? '  OVER BUDGET' : ''}`);

const over = rows.filter((row) => row.bytes > row.budget);
if (over.length > 0 || portalOver) {
  if (over.length > 0) console.error(`\n${over.length} function(s) over budget: ${over.map((r) => `${r.name} (${kb(r.bytes)} > ${kb(r.budget)})`).join(', ')}`);
  if (portalOver) console.error(`\nthe portal's first page is over budget: ${kb(portal.gzipped)} > ${kb(portalFirstPageBudgetBytes)}`);
  process.exit(1);
}
