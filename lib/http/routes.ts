import type { RouteDefinition } from './route.js';
import { discussionRoutes } from './routes/discussion.js';
import { mailRoutes } from './routes/mail.js';
import { offerRoutes } from './routes/offers.js';
import { organisationRoutes } from './routes/organisations.js';
import { peopleRoutes } from './routes/people.js';
import { privacyRoutes } from './routes/privacy.js';
import { queueRoutes } from './routes/queues.js';
import { requestRoutes } from './routes/requests.js';
import { reviewRoutes } from './routes/review.js';
import { systemRoutes } from './routes/system.js';
import { webhookDeliveryRoutes } from './routes/webhook-deliveries.js';
import { webhookRoutes } from './routes/webhooks.js';

/**
 * The route table: data only. The CDK API stack makes one Lambda and one API route of each
 * entry, the local server serves the same entries with the same handler modules, and the
 * OpenAPI document is generated from it. A route exists by being here: its entry in one of
 * lib/http/routes/, by capability (each group a `routeTable` of its own, so that a function
 * imports only its group's definitions and schemas, not every route's), and that group here.
 */
export const routes = {
  ...systemRoutes,
  ...requestRoutes,
  ...discussionRoutes,
  ...queueRoutes,
  ...organisationRoutes,
  ...peopleRoutes,
  ...privacyRoutes,
  ...offerRoutes,
  ...reviewRoutes,
  ...mailRoutes,
  ...webhookDeliveryRoutes,
  ...webhookRoutes,
};

export const routeList: readonly RouteDefinition[] = Object.values(routes);

/**
 * What answers a call no route of the table takes: API Gateway's `$default` route in AWS and the
 * local API's fallback alike, with `functions/no-route.ts`. It answers in the shape of every other
 * refusal (404 `not_found`, 405 `method_not_allowed` with `Allow`) where API Gateway alone would
 * answer `{"message":"Not Found"}`.
 */
export const noRoute = {
  name: 'no-route',
  publicBecause: 'It answers calls of no route with a 404 or 405 and reads nothing: there is nothing behind it to protect',
  access: {},
} as const satisfies Pick<RouteDefinition, 'name' | 'publicBecause' | 'access'>;
