import { workflowDeps } from '../lib/wiring/order-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { routes } from '../lib/http/routes.js';
import { applyAction } from '../lib/services/requests/requests.js';

export const handler = createHandler(routes.takeAction)(({ identity, path, body }) => applyAction(workflowDeps, identity, path.requestId, body.action, body.note));
