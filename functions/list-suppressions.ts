import { suppressions } from '../lib/wiring/mail-deps.js';
import { serviceDeps } from '../lib/wiring/service-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { mailRoutes } from '../lib/http/routes/mail.js';
import { listSuppressions } from '../lib/services/mail/mail-events.js';

export const handler = createHandler(mailRoutes.listSuppressions)(({ identity, query }) => listSuppressions({ ...serviceDeps, suppressions }, identity, query));
