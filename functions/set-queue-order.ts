import { serviceDeps } from '../lib/wiring/service-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { queueRoutes } from '../lib/http/routes/queues.js';
import { setQueueOrder } from '../lib/services/queues/queues.js';

export const handler = createHandler(queueRoutes.setQueueOrder)(({ identity, body }) => setQueueOrder(serviceDeps, identity, body.order));
