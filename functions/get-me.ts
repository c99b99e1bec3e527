import { createHandler } from '../lib/http/create-handler.js';
import { routes } from '../lib/http/routes.js';
import { getMe } from '../lib/services/people/get-me.js';
import { meDeps } from '../lib/wiring/me-deps.js';

export const handler = createHandler(routes.getMe)(async ({ identity }) => getMe(meDeps, identity));
