import { serviceDeps } from '../lib/wiring/service-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { discussionRoutes } from '../lib/http/routes/discussion.js';
import { postMessage } from '../lib/services/requests/messages.js';

export const handler = createHandler(discussionRoutes.postMessage)(({ identity, path, body, idempotencyKey }) =>
  postMessage(serviceDeps, identity, path.requestId, body, idempotencyKey),
);
