import { suppressions } from '../lib/adapters/mail-deps.js';
import { serviceDeps } from '../lib/adapters/service-deps.js';
import { createFunctionHandler } from '../lib/lambda/create-function-handler.js';
import { functions } from '../lib/lambda/table.js';
import { recordMailEvent } from '../lib/services/mail/mail-events.js';

export const handler = createFunctionHandler(functions.recordMailEvent)(({ event }) => recordMailEvent({ ...serviceDeps, suppressions }, event));
