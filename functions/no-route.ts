import { noRouteHandler } from '../lib/http/no-route.js';
import { routeList } from '../lib/http/routes.js';

/** API Gateway's `$default` route (and the local API's fallback): a call of no route. */
export const handler = noRouteHandler(routeList);
