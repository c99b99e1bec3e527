import { serviceDeps } from '../lib/wiring/service-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { routes } from '../lib/http/routes.js';
import { postMessage } from '../lib/services/requests/messages.js';

export const handler = createHandler(routes.postMessage)(({ identity, path, body, idempotencyKey }) =>
  postMessage(serviceDeps, identity, path.requestId, body, idempotencyKey),
);
