import { erasureDeps } from '../lib/wiring/privacy-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { routes } from '../lib/http/routes.js';
import { erasePerson } from '../lib/services/people/privacy.js';

export const handler = createHandler(routes.erasePerson)(({ identity, path }) => erasePerson(erasureDeps, identity, path.userId));
