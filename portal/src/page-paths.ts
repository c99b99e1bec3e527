/**
 * Every page of the portal by its path pattern (`:name` one segment). Mails link to these: a test
 * (test/unit/portal/mail-links.test.ts) renders every kind of mail and checks that each of its
 * portal links names one, so no mail's button opens a page that is not there.
 */
export const pagePaths = [
  '/',
  '/requests',
  '/sign-in',
  '/login',
  '/forgot-password',
  '/requests/new',
  '/requests/:requestId',
  '/priorities',
  '/settings/mail',
  '/mute',
  // A client admin's own organisation.
  '/organisation',
  // The agency's workspace (agency/agency-pages.tsx); `/`, `/requests` and `/requests/:requestId` are its too.
  '/payments',
  '/mail',
  '/feedback',
  '/orgs',
  '/orgs/:orgId',
  '/staff',
  // The agency admins' webhook subscriptions (agency/webhooks/).
  '/webhooks',
  '/webhooks/:subscriptionId',
] as const;
