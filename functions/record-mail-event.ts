import { suppressions } from '../lib/wiring/mail-deps.js';
import { serviceDeps } from '../lib/wiring/service-deps.js';
import { createFunctionHandler } from '../lib/lambda/create-function-handler.js';
import { functions } from '../lib/lambda/table.js';
import { recordMailEvent } from '../lib/services/mail/mail-events.js';

export const handler = createFunctionHandler(functions.recordMailEvent)(({ event }) => recordMailEvent({ ...serviceDeps, suppressions }, event));
