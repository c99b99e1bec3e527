import { serviceDeps } from '../lib/wiring/service-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { routes } from '../lib/http/routes.js';
import { getClientQueue } from '../lib/services/queues/queues.js';

export const handler = createHandler(routes.getQueue)(({ identity, query }) => getClientQueue(serviceDeps, identity, query));
