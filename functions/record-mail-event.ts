import { suppressions } from '../lib/adapters/mail-deps.js';
import { serviceDeps } from '../lib/adapters/service-deps.js';
import { createFunctionHandler } from '../lib/functions/create-function-handler.js';
import { functions } from '../lib/functions/table.js';
import { recordMailEvent } from '../lib/services/mail-events.js';

export const handler = createFunctionHandler(functions.recordMailEvent)(({ event }) => recordMailEvent({ ...serviceDeps, suppressions }, event));
