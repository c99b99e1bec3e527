import { serviceDeps } from '../lib/wiring/service-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { queueRoutes } from '../lib/http/routes/queues.js';
import { moveRequest } from '../lib/services/queues/queues.js';

export const handler = createHandler(queueRoutes.moveRequest)(({ identity, path, body }) => moveRequest(serviceDeps, identity, path.requestId, body));
