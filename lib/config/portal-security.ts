/**
 * The portal's security headers, written once for both places that serve it: CloudFront's
 * response headers policy in AWS (infra/portal/security-headers.ts) and the local portal server
 * (local/portal.ts). The portal runs no inline script or style (Vite emits none, and the
 * Markdown renderer's inline styles are off there), so the Content-Security-Policy forbids both.
 */

/**
 * The Content-Security-Policy. `connectSources`: where the portal may connect besides itself, as
 * CSP sources (the API, Cognito's user-pool API, the files bucket's endpoint for presigned
 * uploads and downloads). Sources, not URLs, so the CDK app can pass deploy-time tokens.
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

/** HSTS where the portal is served over HTTPS: two years, subdomains, preload. */
export const portalHstsSeconds = 63_072_000;

/** The headers the local portal server sends, as CloudFront's policy does (HSTS only where the portal is HTTPS). */
export const portalSecurityHeaders = (connectSources: readonly string[], https: boolean): Record<string, string> => ({
  'content-security-policy': portalContentSecurityPolicy(connectSources),
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
  ...(https ? { 'strict-transport-security': `max-age=${portalHstsSeconds}; includeSubDomains; preload` } : {}),
});
