import { serviceDeps } from '../lib/wiring/service-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { routes } from '../lib/http/routes.js';
import { setBillingDetails } from '../lib/services/people/organisations.js';

export const handler = createHandler(routes.setBilling)(({ identity, path, body }) => setBillingDetails(serviceDeps, identity, path.orgId, body));
