import { EnvName } from '../lib/config/env.js';
import { createHandler } from '../lib/http/create-handler.js';
import { systemRoutes } from '../lib/http/routes/system.js';

export const handler = createHandler(systemRoutes.health)(async () => ({
  status: 'ok',
  service: 'orderdesk',
  stage: process.env[EnvName.stage] ?? 'local',
  time: new Date().toISOString(),
}));
