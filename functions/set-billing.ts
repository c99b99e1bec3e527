import { serviceDeps } from '../lib/wiring/service-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { organisationRoutes } from '../lib/http/routes/organisations.js';
import { setBillingDetails } from '../lib/services/people/organisations.js';

export const handler = createHandler(organisationRoutes.setBilling)(({ identity, path, body }) => setBillingDetails(serviceDeps, identity, path.orgId, body));
