import { peopleDeps } from '../lib/wiring/people-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { peopleRoutes } from '../lib/http/routes/people.js';
import { changeOrganisation } from '../lib/services/people/organisations.js';

export const handler = createHandler(peopleRoutes.changeOrganisation)(({ body, identity, path }) => changeOrganisation(peopleDeps, identity, path.orgId, body));
