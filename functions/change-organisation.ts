import { organisationAdminDeps } from '../lib/wiring/organisation-admin-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { peopleRoutes } from '../lib/http/routes/people.js';
import { changeOrganisation } from '../lib/services/people/organisations.js';

export const handler = createHandler(peopleRoutes.changeOrganisation)(({ body, identity, path }) => changeOrganisation(organisationAdminDeps, identity, path.orgId, body));
