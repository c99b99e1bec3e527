import { inviteDeps } from '../lib/wiring/invite-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { discussionRoutes } from '../lib/http/routes/discussion.js';
import { inviteParticipant } from '../lib/services/requests/participants.js';

export const handler = createHandler(discussionRoutes.inviteParticipant)(({ identity, path, body }) =>
  inviteParticipant(inviteDeps, identity, path.requestId, body),
);
