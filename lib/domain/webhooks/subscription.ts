import * as z from 'zod';
import { WebhookEventType } from './event-types.js';
import { disableAfterDays, previousSecretHours } from './webhook-rules.js';

export { disableAfterDays, previousSecretHours };


/** A subscription's signing secret, as stored: sealed (encrypted with the stage's key), never in clear. */
export const StoredSecret = z.object({
  sealed: z.string().min(1),
  createdAt: z.iso.datetime(),
  /** Set when a newer secret replaced it: it still signs until then. */
  validUntil: z.iso.datetime().optional(),
});
export type StoredSecret = z.infer<typeof StoredSecret>;

/**
 * A webhook subscription (agency admins make them): where to send which events, of every
 * organisation or one. `disabled` stops deliveries: by an admin, or by orderdesk when the
 * receiver kept failing for days (`disabledReason`).
 */
export const WebhookSubscription = z.object({
  subscriptionId: z.string(),
  url: z.string(),
  eventTypes: z.array(WebhookEventType).min(1),
  /** Only this organisation's requests; every organisation's when absent. */
  orgId: z.string().optional(),
  description: z.string().optional(),
  state: z.enum(['active', 'disabled']),
  disabledReason: z.enum(['by_admin', 'failing']).optional(),
  /** The newest first; at most two (the current one, and the one it replaced while still valid). */
  secrets: z.array(StoredSecret).min(1).max(2),
  /** Since when every delivery failed (cleared by a success): what disables a subscription. */
  failingSince: z.iso.datetime().optional(),
  lastSuccessAt: z.iso.datetime().optional(),
  createdBy: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: z.number().int().positive(),
});
export type WebhookSubscription = z.infer<typeof WebhookSubscription>;

/** The secrets that still sign at `now`, the newest first. */
export const signingSecrets = (subscription: Pick<WebhookSubscription, 'secrets'>, now: Date): StoredSecret[] =>
  subscription.secrets.filter((secret) => secret.validUntil === undefined || Date.parse(secret.validUntil) > now.getTime());

/** The subscription after a rotation: `sealed` is the new secret; the old one signs for another day. */
export const rotated = (subscription: WebhookSubscription, sealed: string, now: Date): WebhookSubscription => {
  const at = now.toISOString();
  const validUntil = new Date(now.getTime() + previousSecretHours * 3_600_000).toISOString();
  const [current] = signingSecrets(subscription, now);
  return {
    ...subscription,
    secrets: [{ sealed, createdAt: at }, ...(current ? [{ ...current, validUntil }] : [])],
    updatedAt: at,
    version: subscription.version + 1,
  };
};


/** Whether a subscription failing since `failingSince` is to be disabled at `now`. */
export const failingTooLong = (subscription: Pick<WebhookSubscription, 'failingSince' | 'state'>, now: Date): boolean =>
  subscription.state === 'active' && subscription.failingSince !== undefined && now.getTime() - Date.parse(subscription.failingSince) >= disableAfterDays * 86_400_000;

/** Whether the subscription gets events of `orgId`'s requests. */
export const coversOrganisation = (subscription: Pick<WebhookSubscription, 'orgId'>, orgId: string): boolean =>
  subscription.orgId === undefined || subscription.orgId === orgId;
