import { peopleDeps } from '../lib/wiring/people-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { routes } from '../lib/http/routes.js';
import { changeOrganisation } from '../lib/services/people/organisations.js';

export const handler = createHandler(routes.changeOrganisation)(({ body, identity, path }) => changeOrganisation(peopleDeps, identity, path.orgId, body));
