import { organisationAdminDeps } from '../lib/wiring/organisation-admin-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { peopleRoutes } from '../lib/http/routes/people.js';
import { readStaffLog } from '../lib/services/people/audit.js';

export const handler = createHandler(peopleRoutes.getStaffLog)(({ identity, query }) => readStaffLog(organisationAdminDeps, identity, query.limit, query.cursor));
