import { Duration, Stack } from 'aws-cdk-lib';
import { HeadersFrameOption, HeadersReferrerPolicy, ResponseHeadersPolicy } from 'aws-cdk-lib/aws-cloudfront';
import type { Construct } from 'constructs';
import { filesBucketName, type StageConfig } from '../stage-config.js';

/**
 * Where the portal may connect besides itself, as CSP sources:
 * - the API. By its region's execute-api wildcard, not its own URL: the API's CORS and its
 *   functions' mail links name the distribution's domain, so the API is deployed after the
 *   distribution, and the distribution cannot wait for a policy naming the API (a reference
 *   cycle; the exact URL reaches the portal in config.json, written after both, see
 *   infra/portal-content-stack.ts). The wildcard is as wide as the Cognito source next to it,
 *   which is every account's user pools' endpoint too; script-src 'self' keeps foreign script
 *   from running in the first place. A custom domain for the API would let this name it exactly.
 * - Cognito's user-pool API (sign-in, tokens, password changes);
 * - the attachments bucket's regional endpoint, where presigned uploads and downloads go
 *   (virtual-hosted, as lib/adapters/s3/s3-signing.ts addresses it; a fixed name, see `filesBucketName`).
 */
export const portalConnectSources = (stack: Stack, config: StageConfig): string[] => [
  `https://*.execute-api.${stack.region}.${stack.urlSuffix}`,
  `https://cognito-idp.${stack.region}.${stack.urlSuffix}`,
  `https://${filesBucketName(config.stage, stack)}.s3.${stack.region}.${stack.urlSuffix}`,
];

/**
 * The Content-Security-Policy: the portal's own script and style only, no inline script or style
 * (Vite emits none; the Markdown renderer's inline styles are off in the portal), so an injected
 * `<script>` or `style=` does nothing. The same directives, in the same order, as the local portal
 * server sends (lib/config/portal-security.ts), but for the API's source; written here because
 * that module parses its URLs, which CDK tokens (the region, the account) are not until deploy.
 */
export const portalContentSecurityPolicy = (connectSources: readonly string[]): string =>
  [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self' ${connectSources.join(' ')}`,
    // Downloads open the presigned S3 address as a link; forms post only to the portal itself.
    "form-action 'self'",
    "base-uri 'none'",
    "object-src 'none'",
    // Never framed, not even by Azami's and Digimadi's platforms, where the Helpdesk lives: the
    // portal signs people in and takes binding decisions (accepting an offer makes a binding
    // order), so clickjacking must be impossible. The platforms link to it instead.
    "frame-ancestors 'none'",
  ].join('; ');

/**
 * The portal's security headers on every answer CloudFront gives (both behaviours): the CSP above,
 * HSTS for two years with subdomains and preload, nosniff, a referrer that leaves the portal as
 * its origin only (deep links carry `?link=` tokens), and X-Frame-Options DENY for browsers
 * that predate frame-ancestors. Each overrides whatever the origin sent.
 */
export const addSecurityHeaders = (scope: Construct, config: StageConfig): ResponseHeadersPolicy =>
  new ResponseHeadersPolicy(scope, 'SecurityHeaders', {
    comment: `orderdesk ${config.stage} portal: CSP, HSTS, no framing`,
    securityHeadersBehavior: {
      contentSecurityPolicy: { contentSecurityPolicy: portalContentSecurityPolicy(portalConnectSources(Stack.of(scope), config)), override: true },
      strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, preload: true, override: true },
      contentTypeOptions: { override: true },
      referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
      frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
    },
  });
