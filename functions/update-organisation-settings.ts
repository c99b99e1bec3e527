import { serviceDeps } from '../lib/wiring/service-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { routes } from '../lib/http/routes.js';
import { updateOrganisationSettings } from '../lib/services/people/organisations.js';

export const handler = createHandler(routes.updateOrganisationSettings)(({ identity, path, body }) =>
  updateOrganisationSettings(serviceDeps, identity, path.orgId, body),
);
