import { serviceDeps } from '../lib/wiring/service-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { routes } from '../lib/http/routes.js';
import { moveRequest } from '../lib/services/queues/queues.js';

export const handler = createHandler(routes.moveRequest)(({ identity, path, body }) => moveRequest(serviceDeps, identity, path.requestId, body));
