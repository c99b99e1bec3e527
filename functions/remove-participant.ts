import { serviceDeps } from '../lib/wiring/service-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { routes } from '../lib/http/routes.js';
import { removeParticipant } from '../lib/services/requests/participants.js';

export const handler = createHandler(routes.removeParticipant)(({ identity, path }) =>
  removeParticipant(serviceDeps, identity, path.requestId, path.userId),
);
