import { describe, expect, it } from 'vitest';
import { rotated, type WebhookSubscription } from '../../../lib/domain/webhooks/subscription.js';
import { toWebhookSubscriptionView, WebhookSubscriptionView } from '../../../lib/services/webhooks/subscription-view.js';

const created = new Date('2026-05-04T08:00:00.000Z');
const hours = (n: number, from = created) => new Date(from.getTime() + n * 3_600_000);

const subscription: WebhookSubscription = {
  subscriptionId: 'wh-1',
  url: 'https://hooks.azami.example/orderdesk',
  eventTypes: ['request.created'],
  state: 'active',
  secrets: [{ sealed: 'v1.sealed-first', createdAt: created.toISOString() }],
  createdBy: 'admin-1',
  createdAt: created.toISOString(),
  updatedAt: created.toISOString(),
  version: 1,
};

describe('a webhook subscription as its admins see it', () => {
  it('holds no secret and no author, sealed or not, and nothing its schema does not document', () => {
    const view = toWebhookSubscriptionView(rotated(subscription, 'v1.sealed-second', hours(1)), hours(2));
    expect(JSON.stringify(view)).not.toMatch(/sealed|secrets|createdBy/);
    expect(WebhookSubscriptionView.strict().parse(view)).toEqual(view);
  });

  it('says nothing of rotations before the first', () => {
    const view = toWebhookSubscriptionView(subscription, hours(1));
    expect(view.secretRotatedAt).toBeUndefined();
    expect(view.previousSecretValidUntil).toBeUndefined();
  });

  it('says when the secret was rotated, and until when the old one signs while it still does', () => {
    const after = rotated(subscription, 'v1.sealed-second', hours(3));
    expect(toWebhookSubscriptionView(after, hours(4))).toMatchObject({ secretRotatedAt: hours(3).toISOString(), previousSecretValidUntil: hours(27).toISOString() });
    const dayLater = toWebhookSubscriptionView(after, hours(27));
    expect(dayLater.secretRotatedAt).toBe(hours(3).toISOString());
    expect(dayLater.previousSecretValidUntil).toBeUndefined();
  });
});
