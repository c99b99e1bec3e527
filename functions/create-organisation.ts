import { organisationAdminDeps } from '../lib/wiring/organisation-admin-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { peopleRoutes } from '../lib/http/routes/people.js';
import { createOrganisation } from '../lib/services/people/organisations.js';

export const handler = createHandler(peopleRoutes.createOrganisation)(({ body, identity }) => createOrganisation(organisationAdminDeps, identity, body));
