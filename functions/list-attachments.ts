import { serviceDeps } from '../lib/wiring/service-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { discussionRoutes } from '../lib/http/routes/discussion.js';
import { listAttachments } from '../lib/services/requests/attachments.js';

export const handler = createHandler(discussionRoutes.listAttachments)(({ identity, path }) => listAttachments(serviceDeps, identity, path.requestId));
