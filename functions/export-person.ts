import { exportDeps } from '../lib/wiring/export-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { routes } from '../lib/http/routes.js';
import { exportPerson } from '../lib/services/people/privacy.js';

export const handler = createHandler(routes.exportPerson)(({ identity, path }) => exportPerson(exportDeps, identity, path.userId));
