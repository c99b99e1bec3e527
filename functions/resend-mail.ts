import { notifierDeps } from '../lib/wiring/mail-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { routes } from '../lib/http/routes.js';
import { resendParked } from '../lib/services/mail/parked-mail.js';

export const handler = createHandler(routes.resendMail)(({ identity, path }) => resendParked(notifierDeps, identity, path.mailId));
