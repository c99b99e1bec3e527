import { createHandler } from '../lib/http/create-handler.js';
import { systemRoutes } from '../lib/http/routes/system.js';
import { getMe } from '../lib/services/people/get-me.js';
import { meDeps } from '../lib/wiring/me-deps.js';

export const handler = createHandler(systemRoutes.getMe)(async ({ identity }) => getMe(meDeps, identity));
