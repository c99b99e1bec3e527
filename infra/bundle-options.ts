import type { BuildOptions } from 'esbuild';

/**
 * How every function is bundled, in esbuild's own terms. The function construct hands these to
 * NodejsFunction and `npm run size` builds with the very same, so the budget measures what deploys.
 * The AWS SDK is bundled (not taken from the runtime): versions are pinned and tree-shaken.
 */

/**
 * Credential providers the SDK only reaches when no credentials are in the environment, which
 * never happens in Lambda (the runtime sets them). Left out of the bundle they cost nothing; were
 * one ever reached, the nodejs24.x runtime ships the SDK and would resolve it.
 */
const unusedInLambda = [
  '@aws-sdk/credential-provider-ini',
  '@aws-sdk/credential-provider-sso',
  '@aws-sdk/credential-provider-process',
  '@aws-sdk/credential-provider-web-identity',
  '@aws-sdk/credential-provider-login',
  '@aws-sdk/credential-provider-http',
  '@aws-sdk/nested-clients',
  '@aws-sdk/token-providers',
];

export const bundleOptions = {
  target: 'node24',
  format: 'esm' as const,
  platform: 'node' as const,
  minify: true,
  sourcemap: true,
  mainFields: ['module', 'main'],
  /** ESM output still meets CommonJS dependencies that call require(). */
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  external: unusedInLambda,
} satisfies BuildOptions;

/** Per-function size budget for the minified bundle, enforced by `npm run size`: the DynamoDB base
 * (~365 KB) plus one small SDK client (Cognito ~35 KB) plus margin. See README. */
export const bundleBudgetBytes = 450 * 1024;
