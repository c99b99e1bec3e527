import { describe, expect, it } from 'vitest';
import type { WebhookDelivery } from '../../../../lib/domain/webhooks/delivery.js';
import type { WebhookSubscription } from '../../../../lib/domain/webhooks/subscription.js';
import type { Request } from '../../../../lib/domain/request.js';
import type { TimelineEntry } from '../../../../lib/domain/timeline-entry.js';
import { fanOutEntry } from '../../../../lib/services/webhooks/fan-out.js';
import type { WebhookFanOutDeps } from '../../../../lib/services/ports/webhooks.js';

const now = new Date('2026-03-02T08:00:00.000Z');

const request = { requestId: '2026-0042', orgId: 'org-acme', platform: 'digimadi', type: 'inquiry', title: 'Nový web', status: 'in_progress' } as Request;

const entry = (change: Partial<TimelineEntry>): TimelineEntry => ({
  entryId: 'e-1',
  requestId: '2026-0042',
  kind: 'message',
  visibility: 'all',
  actorType: 'person',
  actorId: 'u-1',
  actorName: 'Eva Agentová',
  actorRole: 'agent',
  createdAt: now.toISOString(),
  body: 'Dobrý den',
  ...change,
});

const subscription = (subscriptionId: string, change: Partial<WebhookSubscription> = {}): WebhookSubscription => ({
  subscriptionId,
  url: `https://hooks.example/${subscriptionId}`,
  eventTypes: ['message.posted', 'request.status_changed'],
  state: 'active',
  secrets: [{ sealed: 'x', createdAt: now.toISOString() }],
  createdBy: 'admin',
  createdAt: now.toISOString(),
  updatedAt: now.toISOString(),
  version: 1,
  ...change,
});

/** The fan-out's ports in memory: what it stored and queued. */
const world = (subscriptions: WebhookSubscription[]) => {
  const stored = new Map<string, WebhookDelivery>();
  const queued: string[][] = [];
  const deps: WebhookFanOutDeps = {
    requests: { get: async (id) => (id === request.requestId ? request : undefined) },
    subscriptions: { list: async () => subscriptions },
    deliveries: {
      get: async (id) => stored.get(id),
      createIfAbsent: async (delivery) => {
        if (stored.has(delivery.deliveryId)) return false;
        stored.set(delivery.deliveryId, delivery);
        return true;
      },
    },
    queue: { send: async (ids) => void queued.push([...ids]) },
    links: { portalUrl: (platform) => `https://portal.${platform}.example`, apiUrl: () => 'https://api.example/' },
    now: () => now,
  };
  return { deps, stored, queued };
};

describe('the webhook fan-out of a timeline entry', () => {
  it('makes one delivery per subscription that wants the event, with the body as it will be signed, and queues them', async () => {
    const { deps, stored, queued } = world([subscription('all-orgs'), subscription('acme', { orgId: 'org-acme' }), subscription('offers-only', { eventTypes: ['offer.posted'] })]);
    const outcome = await fanOutEntry(deps, entry({}));
    expect(outcome.queued.sort()).toEqual(['acme.msg_e-1', 'all-orgs.msg_e-1']);
    expect(queued.map((ids) => [...ids].sort())).toEqual([['acme.msg_e-1', 'all-orgs.msg_e-1']]);
    const delivery = stored.get('acme.msg_e-1')!;
    expect(delivery).toMatchObject({ messageId: 'msg_e-1', eventType: 'message.posted', state: 'pending', requestId: '2026-0042', orgId: 'org-acme' });
    const body = JSON.parse(delivery.payload) as Record<string, unknown>;
    expect(body).toMatchObject({
      type: 'message.posted',
      data: { entryId: 'e-1', request: { requestId: '2026-0042', platform: 'digimadi', status: 'in_progress' }, links: { portal: 'https://portal.digimadi.example/requests/2026-0042', api: 'https://api.example/requests/2026-0042' } },
    });
    // Never the message's words, nor who wrote it by name.
    expect(delivery.payload).not.toContain('Dobrý den');
    expect(delivery.payload).not.toContain('Eva');
  });

  it('makes nothing of an internal note', async () => {
    const { deps, stored, queued } = world([subscription('all-orgs', { eventTypes: ['message.posted', 'request.status_changed', 'request.created'] })]);
    expect(await fanOutEntry(deps, entry({ kind: 'internal_note', visibility: 'agency' }))).toEqual({ queued: [], requeued: [] });
    expect(stored.size).toBe(0);
    expect(queued).toEqual([]);
  });

  it('gives another organisation’s subscriber nothing, nor a disabled subscription', async () => {
    const { deps, stored } = world([subscription('beta', { orgId: 'org-beta' }), subscription('off', { state: 'disabled', disabledReason: 'by_admin' })]);
    expect((await fanOutEntry(deps, entry({}))).queued).toEqual([]);
    expect(stored.size).toBe(0);
  });

  it('sends a step with no type of its own to request.status_changed subscribers, with the statuses', async () => {
    const { deps, stored } = world([subscription('status', { eventTypes: ['request.status_changed'] })]);
    await fanOutEntry(deps, entry({ kind: 'status_changed', details: { action: 'start_work', from: 'queued', to: 'in_progress' } }));
    const body = JSON.parse(stored.get('status.msg_e-1')!.payload) as { type: string; data: Record<string, unknown> };
    expect(body.type).toBe('request.status_changed');
    expect(body.data).toMatchObject({ previousStatus: 'queued', status: 'in_progress', facts: { action: 'start_work' } });
  });

  it('sends nothing twice for a replayed record, but queues again a delivery never tried', async () => {
    const { deps, stored, queued } = world([subscription('a'), subscription('b')]);
    await fanOutEntry(deps, entry({}));
    // One was tried meanwhile; the other's message was lost before it was sent.
    stored.set('a.msg_e-1', { ...stored.get('a.msg_e-1')!, state: 'delivered', attempts: [{ at: now.toISOString(), ms: 5, status: 204 }] });
    const replay = await fanOutEntry(deps, entry({}));
    expect(replay).toEqual({ queued: [], requeued: ['b.msg_e-1'] });
    expect(queued.at(-1)).toEqual(['b.msg_e-1']);
  });
});
