import { serviceDeps } from '../lib/wiring/service-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { routes } from '../lib/http/routes.js';
import { assignRequest } from '../lib/services/requests/assignment.js';

export const handler = createHandler(routes.assignRequest)(({ identity, path, body }) => assignRequest(serviceDeps, identity, path.requestId, body.assigneeId));
