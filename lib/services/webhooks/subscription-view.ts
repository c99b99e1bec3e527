import * as z from 'zod';
import { WebhookSubscription } from '../../domain/webhooks/subscription.js';

/**
 * A webhook subscription as the agency's admins see it: where it sends what, whether it is on, how
 * its deliveries fare, and when its secret was last rotated. Never a secret, sealed or not: the
 * secret is in the answer of its creation and of a rotation, once.
 */
export const WebhookSubscriptionView = WebhookSubscription.pick({
  subscriptionId: true,
  url: true,
  eventTypes: true,
  orgId: true,
  description: true,
  state: true,
  disabledReason: true,
  failingSince: true,
  lastSuccessAt: true,
  createdAt: true,
  updatedAt: true,
  version: true,
})
  .extend({
    url: z.string().describe('Where deliveries are POSTed, as normalised when it was set (https, a public address)'),
    orgId: z.string().optional().describe('Only this organisation’s requests; every organisation’s when absent'),
    state: WebhookSubscription.shape.state.describe('`disabled`: nothing is delivered; `disabledReason` says whether an admin did it or orderdesk did, after its receiver failed for days'),
    failingSince: z.iso.datetime().optional().describe('Since when every delivery failed (none succeeded since); cleared by a success or by enabling it again'),
    secretRotatedAt: z.iso.datetime().optional().describe('When the current signing secret replaced the one before (absent if never rotated)'),
    previousSecretValidUntil: z.iso.datetime().optional().describe('Until when the secret before the current one still signs too (24 hours after a rotation); absent once it no longer does'),
  })
  .meta({ id: 'WebhookSubscription' });
export type WebhookSubscriptionView = z.infer<typeof WebhookSubscriptionView>;

export const WebhookSubscriptionList = z.object({ items: z.array(WebhookSubscriptionView) }).meta({ id: 'WebhookSubscriptionList' });

/** A new subscription with its signing secret, shown this once. */
export const CreatedWebhookSubscription = z
  .object({
    subscription: WebhookSubscriptionView,
    secret: z.string().describe('The signing secret, `whsec_` and its key in base64 (Standard Webhooks): shown this once, store it now'),
  })
  .meta({ id: 'CreatedWebhookSubscription' });

/** The new signing secret after a rotation, shown this once, and until when the old one still signs. */
export const RotatedWebhookSecret = z
  .object({
    secret: z.string().describe('The new signing secret (`whsec_…`): shown this once'),
    previousValidUntil: z.iso.datetime().describe('Until then every delivery is signed with both secrets (two `v1,` signatures), so receivers switch without losing one'),
  })
  .meta({ id: 'RotatedWebhookSecret' });

/** The subscription as its admins see it at `now`. */
export const toWebhookSubscriptionView = (subscription: WebhookSubscription, now: Date): WebhookSubscriptionView => {
  const [current, previous] = subscription.secrets;
  const rotatedAt = current && current.createdAt !== subscription.createdAt ? current.createdAt : undefined;
  const previousSigns = previous?.validUntil !== undefined && Date.parse(previous.validUntil) > now.getTime();
  return {
    subscriptionId: subscription.subscriptionId,
    url: subscription.url,
    eventTypes: subscription.eventTypes,
    ...(subscription.orgId !== undefined ? { orgId: subscription.orgId } : {}),
    ...(subscription.description !== undefined ? { description: subscription.description } : {}),
    state: subscription.state,
    ...(subscription.disabledReason !== undefined ? { disabledReason: subscription.disabledReason } : {}),
    ...(subscription.failingSince !== undefined ? { failingSince: subscription.failingSince } : {}),
    ...(subscription.lastSuccessAt !== undefined ? { lastSuccessAt: subscription.lastSuccessAt } : {}),
    createdAt: subscription.createdAt,
    updatedAt: subscription.updatedAt,
    version: subscription.version,
    ...(rotatedAt !== undefined ? { secretRotatedAt: rotatedAt } : {}),
    ...(previousSigns ? { previousSecretValidUntil: previous.validUntil } : {}),
  };
};
