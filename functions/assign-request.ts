import { serviceDeps } from '../lib/wiring/service-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { queueRoutes } from '../lib/http/routes/queues.js';
import { assignRequest } from '../lib/services/requests/assignment.js';

export const handler = createHandler(queueRoutes.assignRequest)(({ identity, path, body }) => assignRequest(serviceDeps, identity, path.requestId, body.assigneeId));
