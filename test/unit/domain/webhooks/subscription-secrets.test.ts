import { describe, expect, it } from 'vitest';
import { rotated, signingSecrets, type WebhookSubscription } from '../../../../lib/domain/webhooks/subscription.js';

const created = new Date('2026-05-04T08:00:00.000Z');
const hours = (n: number, from = created) => new Date(from.getTime() + n * 3_600_000);

const subscription: WebhookSubscription = {
  subscriptionId: 'wh-1',
  url: 'https://hooks.azami.example/orderdesk',
  eventTypes: ['request.created'],
  state: 'active',
  secrets: [{ sealed: 'sealed-first', createdAt: created.toISOString() }],
  createdBy: 'admin-1',
  createdAt: created.toISOString(),
  updatedAt: created.toISOString(),
  version: 1,
};

const sealedAt = (s: WebhookSubscription, at: Date) => signingSecrets(s, at).map((secret) => secret.sealed);

describe('rotating a subscription’s secret', () => {
  it('signs with the new secret first and keeps the old one for 24 hours', () => {
    const rotatedAt = hours(10);
    const next = rotated(subscription, 'sealed-second', rotatedAt);
    expect(next.version).toBe(2);
    expect(next.secrets[1]).toMatchObject({ sealed: 'sealed-first', validUntil: hours(24, rotatedAt).toISOString() });
    expect(sealedAt(next, rotatedAt)).toEqual(['sealed-second', 'sealed-first']);
    expect(sealedAt(next, hours(23.99, rotatedAt))).toEqual(['sealed-second', 'sealed-first']);
  });

  it('drops the old secret once its 24 hours are over', () => {
    const rotatedAt = hours(10);
    const next = rotated(subscription, 'sealed-second', rotatedAt);
    expect(sealedAt(next, hours(24, rotatedAt))).toEqual(['sealed-second']);
    expect(sealedAt(next, hours(48, rotatedAt))).toEqual(['sealed-second']);
  });

  it('keeps only the secret it replaces on a second rotation within the day: never three', () => {
    const first = rotated(subscription, 'sealed-second', hours(1));
    const second = rotated(first, 'sealed-third', hours(2));
    expect(second.secrets.map((secret) => secret.sealed)).toEqual(['sealed-third', 'sealed-second']);
    expect(second.secrets[1]?.validUntil).toBe(hours(26).toISOString());
    expect(sealedAt(second, hours(3))).toEqual(['sealed-third', 'sealed-second']);
  });
});
