import { fileServiceDeps } from '../lib/wiring/file-service-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { routes } from '../lib/http/routes.js';
import { requestUpload } from '../lib/services/requests/attachments.js';

export const handler = createHandler(routes.requestUpload)(({ identity, path, body }) =>
  requestUpload(fileServiceDeps, identity, path.requestId, body),
);
