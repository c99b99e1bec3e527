import { preferenceDeps } from '../lib/wiring/mail-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { routes } from '../lib/http/routes.js';
import { setMuted } from '../lib/services/mail/mail-preferences.js';

export const handler = createHandler(routes.muteRequest)(({ identity, path }) => setMuted(preferenceDeps, identity, path.requestId, true));
