import { suppressions } from '../lib/wiring/mail-deps.js';
import { serviceDeps } from '../lib/wiring/service-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { routes } from '../lib/http/routes.js';
import { liftSuppression } from '../lib/services/mail/mail-events.js';

export const handler = createHandler(routes.liftSuppression)(({ identity, path }) => liftSuppression({ ...serviceDeps, suppressions }, identity, path.email));
