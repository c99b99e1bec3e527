import { workflowDeps } from '../lib/wiring/order-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { requestRoutes } from '../lib/http/routes/requests.js';
import { applyAction } from '../lib/services/requests/requests.js';

export const handler = createHandler(requestRoutes.cancelRequest)(({ identity, path, body }) =>
  applyAction(workflowDeps, identity, path.requestId, 'cancel', body?.reason),
);
