import { peopleDeps } from '../lib/wiring/people-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { routes } from '../lib/http/routes.js';
import { inviteStaff } from '../lib/services/people/people.js';

export const handler = createHandler(routes.inviteStaff)(({ body, identity }) => inviteStaff(peopleDeps, identity, body));
