import { fileServiceDeps } from '../lib/wiring/file-service-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { discussionRoutes } from '../lib/http/routes/discussion.js';
import { confirmUpload } from '../lib/services/requests/attachments.js';

export const handler = createHandler(discussionRoutes.confirmUpload)(({ identity, path }) =>
  confirmUpload(fileServiceDeps, identity, path.requestId, path.attachmentId),
);
