import { lazyPage } from '../lazy-page.js';
import { NotFound } from '../pages/not-found.js';
import { match, type Route } from '../router.js';

/**
 * The agency's workspace, for agents and agency admins: a chunk of its own that a client never
 * loads (app.tsx imports it only once `/me` says the person is staff). Every page is its own chunk
 * again. The API enforces every rule these pages follow; they only show what it allows.
 */
const WorkQueue = lazyPage(() => import('./pages/work-queue.js').then((m) => m.WorkQueue));
const AllRequests = lazyPage(() => import('./pages/all-requests.js').then((m) => m.AllRequests));
const AgencyRequestPage = lazyPage(() => import('./request/agency-request-page.js').then((m) => m.AgencyRequestPage));
const FlaggedPayments = lazyPage(() => import('./pages/flagged-payments.js').then((m) => m.FlaggedPayments));
const MailOperations = lazyPage(() => import('./pages/mail-operations.js').then((m) => m.MailOperations));
const Feedback = lazyPage(() => import('./pages/feedback.js').then((m) => m.Feedback));
const Organisations = lazyPage(() => import('./pages/organisations.js').then((m) => m.Organisations));
const OrganisationPage = lazyPage(() => import('./pages/organisation-page.js').then((m) => m.OrganisationPage));
const Staff = lazyPage(() => import('./pages/staff.js').then((m) => m.Staff));
const Webhooks = lazyPage(() => import('./webhooks/webhooks-page.js').then((m) => m.Webhooks));
const WebhookSubscriptionPage = lazyPage(() => import('./webhooks/subscription-page.js').then((m) => m.WebhookSubscriptionPage));

export const AgencyPages = ({ route }: { route: Route }) => {
  const { path } = route;
  if (path === '/') return <WorkQueue />;
  if (path === '/requests') return <AllRequests />;
  if (path === '/payments') return <FlaggedPayments />;
  if (path === '/mail') return <MailOperations />;
  if (path === '/feedback') return <Feedback />;
  if (path === '/orgs') return <Organisations />;
  if (path === '/staff') return <Staff />;
  if (path === '/webhooks') return <Webhooks />;
  const request = match('/requests/:requestId', path);
  if (request) return <AgencyRequestPage requestId={request.requestId!} />;
  const organisation = match('/orgs/:orgId', path);
  if (organisation) return <OrganisationPage orgId={organisation.orgId!} />;
  const subscription = match('/webhooks/:subscriptionId', path);
  if (subscription) return <WebhookSubscriptionPage subscriptionId={subscription.subscriptionId!} />;
  return <NotFound />;
};
