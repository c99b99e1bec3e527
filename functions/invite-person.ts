import { peopleDeps } from '../lib/wiring/people-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { routes } from '../lib/http/routes.js';
import { invitePerson } from '../lib/services/people/people.js';

export const handler = createHandler(routes.invitePerson)(({ body, identity, path }) => invitePerson(peopleDeps, identity, path.orgId, body));
