import { organisationAdminDeps } from '../lib/wiring/organisation-admin-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { peopleRoutes } from '../lib/http/routes/people.js';
import { readOrganisationLog } from '../lib/services/people/audit.js';

export const handler = createHandler(peopleRoutes.getOrganisationLog)(({ identity, path, query }) => readOrganisationLog(organisationAdminDeps, identity, path.orgId, query.limit, query.cursor));
