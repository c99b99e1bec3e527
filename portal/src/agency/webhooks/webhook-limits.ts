/** The API's webhook rules the pages put in words: the domain's own values (lib/domain/webhooks/webhook-rules.ts, no zod). */
import { deliveryTimeoutMs } from '../../../../lib/domain/webhooks/webhook-rules.js';

export { disableAfterDays, previousSecretHours, retryHours } from '../../../../lib/domain/webhooks/webhook-rules.js';
/** How long a try waits for an answer, in the seconds the pages say. */
export const timeoutSeconds = deliveryTimeoutMs / 1000;
