import { fileServiceDeps } from '../lib/wiring/file-service-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { discussionRoutes } from '../lib/http/routes/discussion.js';
import { requestUpload } from '../lib/services/requests/attachments.js';

export const handler = createHandler(discussionRoutes.requestUpload)(({ identity, path, body }) =>
  requestUpload(fileServiceDeps, identity, path.requestId, body),
);
