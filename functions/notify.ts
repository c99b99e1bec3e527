import { notifierDeps } from '../lib/wiring/mail-deps.js';
import { createFunctionHandler } from '../lib/lambda/create-function-handler.js';
import { functions } from '../lib/lambda/table.js';
import { notifyStreamRecords } from '../lib/services/mail/notify-stream.js';

export const handler = createFunctionHandler(functions.notify)(({ event }) => notifyStreamRecords(notifierDeps, event));
