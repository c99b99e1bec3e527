import { peopleDeps } from '../lib/wiring/people-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { routes } from '../lib/http/routes.js';
import { resendInvitation } from '../lib/services/people/people.js';

export const handler = createHandler(routes.resendInvitation)(({ identity, path }) => resendInvitation(peopleDeps, identity, path.userId));
