import { EnvName } from '../lib/config/env.js';
import { createHandler } from '../lib/http/create-handler.js';
import { routes } from '../lib/http/routes.js';

export const handler = createHandler(routes.health)(async () => ({
  status: 'ok',
  service: 'orderdesk',
  stage: process.env[EnvName.stage] ?? 'local',
  time: new Date().toISOString(),
}));
