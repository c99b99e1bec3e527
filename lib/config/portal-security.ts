/**
 * The portal's security headers, written once for both places that serve it: CloudFront's
 * response headers policy in AWS (infra/) and the local portal server (local/portal.ts). The
 * portal runs no inline script or style (Vite emits none, and the Markdown renderer's inline
 * styles are off there), so the Content-Security-Policy forbids both.
 */
export interface PortalConnections {
  /** The API's origin (`https://…execute-api…`, or the local API). */
  apiUrl: string;
  /** Cognito's user-pool API (`https://cognito-idp.<region>.amazonaws.com`, or cognito-local). */
  cognitoUrl: string;
  /** Where presigned uploads and downloads go (the attachments bucket's S3 endpoint). */
  filesUrl: string;
}

const originOf = (url: string) => new URL(url).origin;

export const portalContentSecurityPolicy = (to: PortalConnections): string =>
  [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self' ${[to.apiUrl, to.cognitoUrl, to.filesUrl].map(originOf).join(' ')}`,
    // Downloads open the presigned S3 address in a new tab; forms post only to the portal itself.
    "form-action 'self'",
    "base-uri 'none'",
    "object-src 'none'",
    // Never framed, not even by the two platforms: the portal signs people in and takes binding
    // decisions (accepting an offer orders), so clickjacking must be impossible; the platforms link to it.
    "frame-ancestors 'none'",
  ].join('; ');

/** The headers besides the CSP, the same locally as in CloudFront (HSTS only where the portal is HTTPS). */
export const portalSecurityHeaders = (to: PortalConnections, https: boolean): Record<string, string> => ({
  'content-security-policy': portalContentSecurityPolicy(to),
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
  ...(https ? { 'strict-transport-security': 'max-age=63072000; includeSubDomains; preload' } : {}),
});
