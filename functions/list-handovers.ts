import { serviceDeps } from '../lib/wiring/service-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { routes } from '../lib/http/routes.js';
import { listHandovers } from '../lib/services/review/handovers.js';

export const handler = createHandler(routes.listHandovers)(({ identity, path }) => listHandovers(serviceDeps, identity, path.requestId));
