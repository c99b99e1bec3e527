import { serviceDeps } from '../lib/wiring/service-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { routes } from '../lib/http/routes.js';
import { listAttachments } from '../lib/services/requests/attachments.js';

export const handler = createHandler(routes.listAttachments)(({ identity, path }) => listAttachments(serviceDeps, identity, path.requestId));
