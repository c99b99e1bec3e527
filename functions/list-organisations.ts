import { peopleDeps } from '../lib/wiring/people-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { routes } from '../lib/http/routes.js';
import { listOrganisations } from '../lib/services/people/organisations.js';

export const handler = createHandler(routes.listOrganisations)(({ identity, query }) => listOrganisations(peopleDeps, identity, query));
