/**
 * The API's webhook rules the pages put in words (lib/domain/webhooks/): written here because the
 * domain's modules bring zod; a unit test (test/unit/portal/webhook-words.test.ts) holds them equal.
 */

/** How long a delivery is tried before it is parked (`retryHours`). */
export const retryHours = 24;
/** A subscription failing this long is disabled by orderdesk (`disableAfterDays`). */
export const disableAfterDays = 5;
/** How long a rotated-out secret still signs (`previousSecretHours`). */
export const previousSecretHours = 24;
/** How long a try waits for an answer (lib/adapters/http/webhook-sender.ts, `webhookTimeoutMs`). */
export const timeoutSeconds = 5;
