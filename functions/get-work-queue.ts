import { serviceDeps } from '../lib/wiring/service-deps.js';
import { EnvName, readEnv } from '../lib/config/env.js';
import { defaultWorkQueuePolicy, WorkQueuePolicy } from '../lib/domain/work-queue.js';
import { createHandler } from '../lib/http/create-handler.js';
import { queueRoutes } from '../lib/http/routes/queues.js';
import { getWorkQueue } from '../lib/services/queues/work-queue.js';

/** The deployment's policy (stage context `workQueuePolicy`), read once per cold start. */
const configuredPolicy = readEnv(EnvName.workQueuePolicy, WorkQueuePolicy.default(defaultWorkQueuePolicy));

export const handler = createHandler(queueRoutes.getWorkQueue)(({ identity, query }) => getWorkQueue(serviceDeps, identity, query, configuredPolicy));
