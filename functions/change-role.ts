import { peopleDeps } from '../lib/wiring/people-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { routes } from '../lib/http/routes.js';
import { changeRole } from '../lib/services/people/people.js';

export const handler = createHandler(routes.changeRole)(({ body, identity, path }) => changeRole(peopleDeps, identity, path.userId, body));
