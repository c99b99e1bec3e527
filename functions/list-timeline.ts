import { serviceDeps } from '../lib/wiring/service-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { discussionRoutes } from '../lib/http/routes/discussion.js';
import { listTimeline } from '../lib/services/requests/messages.js';

export const handler = createHandler(discussionRoutes.listTimeline)(({ identity, path, query }) =>
  listTimeline(serviceDeps, identity, path.requestId, query.limit, query.cursor),
);
