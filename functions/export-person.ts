import { exportDeps } from '../lib/wiring/export-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { privacyRoutes } from '../lib/http/routes/privacy.js';
import { exportPerson } from '../lib/services/people/privacy.js';

export const handler = createHandler(privacyRoutes.exportPerson)(({ identity, path }) => exportPerson(exportDeps, identity, path.userId));
