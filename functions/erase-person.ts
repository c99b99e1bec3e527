import { erasureDeps } from '../lib/wiring/privacy-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { privacyRoutes } from '../lib/http/routes/privacy.js';
import { erasePerson } from '../lib/services/people/privacy.js';

export const handler = createHandler(privacyRoutes.erasePerson)(({ identity, path }) => erasePerson(erasureDeps, identity, path.userId));
