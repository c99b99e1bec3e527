import { peopleDeps } from '../lib/wiring/people-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { routes } from '../lib/http/routes.js';
import { readOrganisationLog } from '../lib/services/people/audit.js';

export const handler = createHandler(routes.getOrganisationLog)(({ identity, path, query }) => readOrganisationLog(peopleDeps, identity, path.orgId, query.limit, query.cursor));
