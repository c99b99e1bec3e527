import { workflowDeps } from '../lib/wiring/order-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { routes } from '../lib/http/routes.js';
import { requestChanges } from '../lib/services/review/handovers.js';

export const handler = createHandler(routes.requestChanges)(({ identity, path, body, origin }) =>
  requestChanges(workflowDeps, identity, path.requestId, { round: path.round, origin, ...body }),
);
