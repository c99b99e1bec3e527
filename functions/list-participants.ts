import { serviceDeps } from '../lib/wiring/service-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { discussionRoutes } from '../lib/http/routes/discussion.js';
import { listParticipants } from '../lib/services/requests/participants.js';

export const handler = createHandler(discussionRoutes.listParticipants)(({ identity, path }) => listParticipants(serviceDeps, identity, path.requestId));
