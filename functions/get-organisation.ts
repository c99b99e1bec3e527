import { serviceDeps } from '../lib/wiring/service-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { organisationRoutes } from '../lib/http/routes/organisations.js';
import { getOrganisation } from '../lib/services/people/organisations.js';

export const handler = createHandler(organisationRoutes.getOrganisation)(({ identity, path }) => getOrganisation(serviceDeps, identity, path.orgId));
