import { inviteDeps } from '../lib/wiring/invite-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { routes } from '../lib/http/routes.js';
import { inviteParticipant } from '../lib/services/requests/participants.js';

export const handler = createHandler(routes.inviteParticipant)(({ identity, path, body }) =>
  inviteParticipant(inviteDeps, identity, path.requestId, body),
);
