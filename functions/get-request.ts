import { serviceDeps } from '../lib/wiring/service-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { requestRoutes } from '../lib/http/routes/requests.js';
import { getRequest } from '../lib/services/requests/requests.js';

export const handler = createHandler(requestRoutes.getRequest)(({ identity, path }) => getRequest(serviceDeps, identity, path.requestId));
