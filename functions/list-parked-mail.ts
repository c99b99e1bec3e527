import { notifierDeps } from '../lib/wiring/mail-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { routes } from '../lib/http/routes.js';
import { listParkedMail } from '../lib/services/mail/parked-mail.js';

export const handler = createHandler(routes.listParkedMail)(({ identity, query }) => listParkedMail(notifierDeps, identity, query.limit, query.cursor));
