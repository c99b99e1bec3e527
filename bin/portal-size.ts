import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildPortal } from '../local/portal.js';

/** The first page's JavaScript may weigh this much gzipped (the budget for the client portal). */
export const portalFirstPageBudgetBytes = 120 * 1024;

/**
 * Builds the portal as `npm start` and the CDK app do and measures what its first page loads:
 * the entry script and the chunks index.html preloads with it (pages loaded later are not
 * counted), each gzipped as a CDN would send it.
 */
export const portalFirstPage = async (outDir: string) => {
  await buildPortal(outDir);
  const html = fs.readFileSync(path.join(outDir, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)].map((match) => match[1] ?? match[2]!);
  const files = scripts.map((src) => {
    const content = fs.readFileSync(path.join(outDir, src.replace(/^\//, '')));
    return { file: src, bytes: content.length, gzipped: gzipSync(content, { level: 9 }).length };
  });
  return { files, gzipped: files.reduce((sum, file) => sum + file.gzipped, 0) };
};
