import { serviceDeps } from '../lib/wiring/service-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { queueRoutes } from '../lib/http/routes/queues.js';
import { getClientQueue } from '../lib/services/queues/queues.js';

export const handler = createHandler(queueRoutes.getQueue)(({ identity, query }) => getClientQueue(serviceDeps, identity, query));
