import { preferenceDeps } from '../lib/wiring/mail-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { mailRoutes } from '../lib/http/routes/mail.js';
import { unsubscribe } from '../lib/services/mail/mail-preferences.js';

export const handler = createHandler(mailRoutes.unsubscribe)(({ path }) => unsubscribe(preferenceDeps, path.token));
