import { notifierDeps } from '../lib/wiring/mail-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { mailRoutes } from '../lib/http/routes/mail.js';
import { resendParked } from '../lib/services/mail/parked-mail.js';

export const handler = createHandler(mailRoutes.resendMail)(({ identity, path }) => resendParked(notifierDeps, identity, path.mailId));
