import { serviceDeps } from '../lib/wiring/service-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { routes } from '../lib/http/routes.js';
import { createRequest } from '../lib/services/requests/requests.js';

export const handler = createHandler(routes.createRequest)(({ identity, body, idempotencyKey }) =>
  createRequest(serviceDeps, identity, body, idempotencyKey),
);
