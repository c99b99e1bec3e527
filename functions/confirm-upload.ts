import { fileServiceDeps } from '../lib/wiring/file-service-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { routes } from '../lib/http/routes.js';
import { confirmUpload } from '../lib/services/requests/attachments.js';

export const handler = createHandler(routes.confirmUpload)(({ identity, path }) =>
  confirmUpload(fileServiceDeps, identity, path.requestId, path.attachmentId),
);
