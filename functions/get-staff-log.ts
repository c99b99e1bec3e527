import { peopleDeps } from '../lib/wiring/people-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { routes } from '../lib/http/routes.js';
import { readStaffLog } from '../lib/services/people/audit.js';

export const handler = createHandler(routes.getStaffLog)(({ identity, query }) => readStaffLog(peopleDeps, identity, query.limit, query.cursor));
