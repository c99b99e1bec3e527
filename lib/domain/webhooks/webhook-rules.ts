/**
 * The webhook rules people are told about, as plain values (no zod): the domain's schemas and
 * the portal's Webhooks pages both import them, so what the pages say is what the API does.
 */

/** What a subscription may ask for, in the order a request meets them. */
export const webhookEventTypes = [
  'request.created',
  'request.status_changed',
  'message.posted',
  'offer.posted',
  'offer.accepted',
  'offer.rejected',
  'offer.expired',
  'order.issued',
  'payment.received',
  'payment.flagged',
  'request.handed_over',
  'delivery.accepted',
  'delivery.deemed_accepted',
] as const;

/** How long tries go on before a delivery is parked. */
export const retryHours = 24;

/** How long a rotated-out secret still signs deliveries, so receivers can switch without losing any. */
export const previousSecretHours = 24;

/** A subscription failing this long (every delivery since, none succeeding) is disabled, and the agency admins are mailed. */
export const disableAfterDays = 5;

/** A try's limit: 5 s for the whole exchange. */
export const deliveryTimeoutMs = 5000;
