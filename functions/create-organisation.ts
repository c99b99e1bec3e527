import { peopleDeps } from '../lib/wiring/people-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { routes } from '../lib/http/routes.js';
import { createOrganisation } from '../lib/services/people/organisations.js';

export const handler = createHandler(routes.createOrganisation)(({ body, identity }) => createOrganisation(peopleDeps, identity, body));
