import { serviceDeps } from '../lib/wiring/service-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { organisationRoutes } from '../lib/http/routes/organisations.js';
import { updateOrganisationSettings } from '../lib/services/people/organisations.js';

export const handler = createHandler(organisationRoutes.updateOrganisationSettings)(({ identity, path, body }) =>
  updateOrganisationSettings(serviceDeps, identity, path.orgId, body),
);
