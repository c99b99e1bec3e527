import { serviceDeps } from '../lib/wiring/service-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { routes } from '../lib/http/routes.js';
import { getRequest } from '../lib/services/requests/requests.js';

export const handler = createHandler(routes.getRequest)(({ identity, path }) => getRequest(serviceDeps, identity, path.requestId));
