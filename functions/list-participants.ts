import { serviceDeps } from '../lib/wiring/service-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { routes } from '../lib/http/routes.js';
import { listParticipants } from '../lib/services/requests/participants.js';

export const handler = createHandler(routes.listParticipants)(({ identity, path }) => listParticipants(serviceDeps, identity, path.requestId));
