import { peopleDeps } from '../lib/wiring/people-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { peopleRoutes } from '../lib/http/routes/people.js';
import { setOrganisationActive } from '../lib/services/people/organisations.js';

export const handler = createHandler(peopleRoutes.deactivateOrganisation)(({ identity, path }) => setOrganisationActive(peopleDeps, identity, path.orgId, false));
