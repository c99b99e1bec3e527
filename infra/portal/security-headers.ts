import { Duration, Stack } from 'aws-cdk-lib';
import { HeadersFrameOption, HeadersReferrerPolicy, ResponseHeadersPolicy } from 'aws-cdk-lib/aws-cloudfront';
import type { Construct } from 'constructs';
import { portalContentSecurityPolicy, portalHstsSeconds } from '../../lib/config/portal-security.js';
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
      strictTransportSecurity: { accessControlMaxAge: Duration.seconds(portalHstsSeconds), includeSubdomains: true, preload: true, override: true },
      contentTypeOptions: { override: true },
      referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
      frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
    },
  });
