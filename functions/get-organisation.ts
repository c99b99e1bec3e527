import { serviceDeps } from '../lib/wiring/service-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { routes } from '../lib/http/routes.js';
import { getOrganisation } from '../lib/services/people/organisations.js';

export const handler = createHandler(routes.getOrganisation)(({ identity, path }) => getOrganisation(serviceDeps, identity, path.orgId));
