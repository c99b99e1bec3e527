import { serviceDeps } from '../lib/wiring/service-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { discussionRoutes } from '../lib/http/routes/discussion.js';
import { removeParticipant } from '../lib/services/requests/participants.js';

export const handler = createHandler(discussionRoutes.removeParticipant)(({ identity, path }) =>
  removeParticipant(serviceDeps, identity, path.requestId, path.userId),
);
