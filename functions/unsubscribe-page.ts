import { preferenceDeps } from '../lib/wiring/mail-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { routes } from '../lib/http/routes.js';
import { unsubscribePage } from '../lib/services/mail/mail-preferences.js';

export const handler = createHandler(routes.unsubscribePage)(({ path }) => unsubscribePage(preferenceDeps, path.token));
