import type { BuildOptions } from 'esbuild';
import { fileURLToPath } from 'node:url';

/**
 * How every function is bundled, in esbuild's own terms. The CDK app (`function-bundles.ts`, for
 * the function construct) and `npm run size` both build with these, so the budget measures what deploys.
 * No AWS SDK client is bundled: functions reach AWS through signed fetch calls (lib/adapters/aws/);
 * what they do bundle is pinned by the lock file and tree-shaken.
 */

/**
 * Packages replaced by a stand-in in every bundle: parts of pdf-lib the order PDF never reaches
 * (each stand-in says why that is safe, and throws if it is ever reached). An alias resolves in the
 * working directory, hence absolute paths.
 */
const standIns = {
  '@pdf-lib/standard-fonts': fileURLToPath(new URL('./bundle-stubs/pdf-lib-standard-fonts.ts', import.meta.url)),
  '@pdf-lib/upng': fileURLToPath(new URL('./bundle-stubs/pdf-lib-upng.ts', import.meta.url)),
};

export const bundleOptions = {
  target: 'node24',
  format: 'esm' as const,
  platform: 'node' as const,
  minify: true,
  // Czech text (mail strings, the PDF's words) as UTF-8, not \u escapes: ~1.5 KB less per mail function.
  charset: 'utf8' as const,
  // Stack traces name our files (NODE_OPTIONS=--enable-source-maps); the sources' text stays out of the asset.
  sourcemap: true,
  sourcesContent: false,
  mainFields: ['module', 'main'],
  /** ESM output still meets CommonJS dependencies that call require(). */
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  alias: standIns,
} satisfies BuildOptions;

/**
 * The default per-function size budget for the minified bundle, enforced by `npm run size`: 300 KB,
 * the users' goal (issue 27). No function carries an AWS SDK client, the X-Ray SDK or the SDK's
 * signer any more: DynamoDB, Cognito and every other AWS API go out as signed fetch calls
 * (lib/adapters/aws/), and tracing sends its own segment documents (lib/observability/tracer.ts).
 * What a function holds is zod (~97 KB), Powertools Logger and Metrics (~32 KB), its group of routes,
 * the stores it uses and its service; the largest, inbound-mail, adds postal-mime (~69 KB). See
 * docs/bench-and-budgets.md.
 */
export const bundleBudgetBytes = 300 * 1024;

/**
 * Functions allowed a larger bundle than the default, and why.
 *
 * generate-order renders the order PDF (`lib/documents/order-pdf.ts`) with pdf-lib and
 * @pdf-lib/fontkit. Measured with the options above: 1,327,286 bytes (1296 KB), of which fontkit
 * 702 KB, pdf-lib 224 KB, zod 97 KB, our two embedded font subsets 64 KB (DejaVu Sans Condensed
 * book and bold, base64), pako 45 KB (pdf-lib's deflate), the DynamoDB and S3 access ~40 KB,
 * qrcode-generator 20 KB, the renderer itself 10 KB. pdf-lib's standard-font metrics and PNG
 * decoder are left out (`standIns`: 151 KB). fontkit stays whole: it ships as one pre-bundled
 * module (dist/fontkit.es.js) with its dependencies inlined — iconv-lite's CJK code tables
 * (~209 KB), WOFF and WOFF2 with brotli (~100 KB), the AAT and complex-script engines — all
 * reachable from its top level, so neither tree-shaking nor an alias can reach them; only a
 * patched copy of the package could (measured: 1087 KB without the CJK tables, 987 KB without
 * WOFF/WOFF2 too, the same PDF bytes). The budget is the measured size with ~8 % margin, rounded.
 * It runs once per accepted order, in the workflow, where its cold start is no one's wait.
 */
const bundleBudgets: Readonly<Record<string, number>> = {
  'generate-order': 1400 * 1024,
};

/** The size budget of one function's minified bundle: its own if it has one, else the default. */
export const bundleBudgetOf = (name: string): number => bundleBudgets[name] ?? bundleBudgetBytes;
