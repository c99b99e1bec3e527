import { fileServiceDeps } from '../lib/wiring/file-service-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { routes } from '../lib/http/routes.js';
import { downloadLink } from '../lib/services/requests/attachments.js';

export const handler = createHandler(routes.downloadAttachment)(({ identity, path }) =>
  downloadLink(fileServiceDeps, identity, path.requestId, path.attachmentId),
);
