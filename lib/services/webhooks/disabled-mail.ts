import { disableAfterDays, type WebhookSubscription } from '../../domain/webhooks/subscription.js';
import type { DeliveryAttempt } from '../../domain/webhooks/delivery.js';
import { brandOf } from '../../mail/brands.js';
import { oneLine } from '../../mail/plain-text.js';
import { renderWebhookDisabledMail } from '../../mail/webhook-disabled.js';
import { logger } from '../../observability/logger.js';
import type { WebhookAdminMail } from '../ports/webhooks.js';

/** Agency mails about no request carry the default brand, as Cognito's account mails do. */
const agencyPlatform = 'azami' as const;

/** What the last try got, in a few words. */
const lastAnswer = (attempt: Pick<DeliveryAttempt, 'status' | 'error'> | undefined): string | undefined =>
  attempt === undefined ? undefined : [attempt.status !== undefined ? `HTTP ${attempt.status}` : undefined, attempt.error].filter(Boolean).join(', ') || undefined;

/**
 * Tells every agency admin that a subscription was disabled for failing, each in their language.
 * A mail that can't be sent is logged as an error, not thrown: the subscription stays disabled,
 * and its state shows in the portal.
 */
export const mailSubscriptionDisabled = async (deps: WebhookAdminMail, subscription: WebhookSubscription, last?: Pick<DeliveryAttempt, 'status' | 'error'>): Promise<number> => {
  const admins = (await deps.people.agencyStaff()).filter((person) => person.role === 'admin');
  const portal = deps.site.portalUrl(agencyPlatform);
  const brand = brandOf(agencyPlatform, portal);
  const sent = await Promise.all(
    admins.map(async (admin) => {
      const mail = renderWebhookDisabledMail(
        {
          brand,
          language: admin.language ?? 'cs',
          name: admin.name,
          url: subscription.url,
          description: subscription.description,
          failingSince: subscription.failingSince ?? subscription.updatedAt,
          lastError: lastAnswer(last),
          webhooksUrl: `${portal}/webhooks`,
        },
        disableAfterDays,
      );
      try {
        await deps.mailer.send({
          from: `"${brand.senderName}" <${oneLine(deps.site.mailFrom)}>`,
          to: admin.email,
          subject: mail.subject,
          html: mail.html,
          text: mail.text,
          headers: { 'Auto-Submitted': 'auto-generated' },
          tags: { kind: 'webhook-disabled' },
        });
        return true;
      } catch (error) {
        logger.error('could not mail an agency admin that a webhook was disabled', { subscriptionId: subscription.subscriptionId, userId: admin.userId, error });
        return false;
      }
    }),
  );
  return sent.filter(Boolean).length;
};
