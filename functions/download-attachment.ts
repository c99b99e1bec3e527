import { fileServiceDeps } from '../lib/wiring/file-service-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { discussionRoutes } from '../lib/http/routes/discussion.js';
import { downloadLink } from '../lib/services/requests/attachments.js';

export const handler = createHandler(discussionRoutes.downloadAttachment)(({ identity, path }) =>
  downloadLink(fileServiceDeps, identity, path.requestId, path.attachmentId),
);
