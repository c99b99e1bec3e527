import { scanDeps } from '../lib/wiring/scan-deps.js';
import { createFunctionHandler } from '../lib/lambda/create-function-handler.js';
import { functions } from '../lib/lambda/table.js';
import { recordScanResult } from '../lib/services/requests/scan-results.js';

export const handler = createFunctionHandler(functions.recordScanResult)(({ event, caller }) => recordScanResult(scanDeps, caller, event));
