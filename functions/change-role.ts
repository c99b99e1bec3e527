import { peopleDeps } from '../lib/wiring/people-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { peopleRoutes } from '../lib/http/routes/people.js';
import { changeRole } from '../lib/services/people/people.js';

export const handler = createHandler(peopleRoutes.changeRole)(({ body, identity, path }) => changeRole(peopleDeps, identity, path.userId, body));
