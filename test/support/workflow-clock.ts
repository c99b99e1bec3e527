/** The running stack's business clock, for tests: read it, move it forward (local/workflow/control-client.ts). */
export { advanceClock, businessNow } from '../../local/workflow/control-client.js';
