import { preferenceDeps } from '../lib/wiring/mail-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { mailRoutes } from '../lib/http/routes/mail.js';
import { setMuted } from '../lib/services/mail/mail-preferences.js';

export const handler = createHandler(mailRoutes.unmuteRequest)(({ identity, path }) => setMuted(preferenceDeps, identity, path.requestId, false));
