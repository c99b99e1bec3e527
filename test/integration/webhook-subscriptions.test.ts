import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCommand } from '../../lib/adapters/dynamodb/document-client.js';
import { webhookSubscriptionKey } from '../../lib/adapters/dynamodb/keys.js';
import { tableDefinition } from '../../lib/adapters/dynamodb/table-definition.js';
import { dynamoWebhookSubscriptionStore } from '../../lib/adapters/dynamodb/webhook-subscription-store.js';
import { dynamoUnitOfWork } from '../../lib/adapters/dynamodb/unit-of-work.js';
import { routes } from '../../lib/http/routes.js';
import { asDemoUser, ok, people, type Answer, type SignedIn } from '../support/api-client.js';
import { documents } from '../support/fresh-organisation.js';

/**
 * The agency admins' webhook subscriptions through the API: made with a secret shown once, checked
 * for where they point, rotated, disabled and enabled, deleted, and every change in the agency's
 * log. Each subscription here names an organisation of its own (so no other test's events are
 * delivered to it) and is deleted at the end, so the delivery tests on this stack meet none of them.
 */

let admin: SignedIn;
let agent: SignedIn;
let clientAdmin: SignedIn;
let receiver: Server;
let receiverUrl: string;
let orgId: string;
const made = new Set<string>();

const table = documents();
const store = dynamoWebhookSubscriptionStore(table, () => tableDefinition.localName);

beforeAll(async () => {
  [admin, agent, clientAdmin] = await Promise.all([asDemoUser(people.admin), asDemoUser(people.agent), asDemoUser(people.clientAdmin)]);
  // A receiver on this machine, as a platform engineer would try one locally: it takes anything.
  receiver = createServer((_request, response) => response.writeHead(204).end());
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/orderdesk`;
  ({ orgId } = ok(await admin.send(routes.createOrganisation, { body: { name: `Webhooky ${randomUUID().slice(0, 8)}`, platform: 'azami' } })));
});

afterAll(async () => {
  await Promise.all([...made].map((subscriptionId) => admin.send(routes.deleteWebhookSubscription, { path: { subscriptionId } })));
  await new Promise((resolve) => receiver.close(resolve));
});

const subscribe = async (description = 'Azami request pages') => {
  const created = ok(
    await admin.send(routes.createWebhookSubscription, { body: { url: receiverUrl, eventTypes: ['request.created', 'request.status_changed'], orgId, description } }),
  );
  made.add(created.subscription.subscriptionId);
  return created;
};

const urlRefusal = (answer: Answer) => ({ status: answer.status, code: answer.error?.code, fields: answer.error?.details?.map((problem) => problem.field) });
const reasonOf = (answer: Answer) => answer.error?.details?.[0]?.reason;

describe('webhook subscriptions, by the agency’s admins', () => {
  it('creates a subscription to a receiver on this machine and shows its secret once: never again, and never stored in clear', async () => {
    const { subscription, secret } = await subscribe();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(subscription).toMatchObject({ url: receiverUrl, eventTypes: ['request.created', 'request.status_changed'], orgId, description: 'Azami request pages', state: 'active', version: 1 });
    expect(subscription.secretRotatedAt).toBeUndefined();

    const path = `/webhooks/${subscription.subscriptionId}`;
    const [one, all] = await Promise.all([admin.raw('GET', path), admin.raw('GET', '/webhooks')]);
    expect(one.status).toBe(200);
    expect(one.body).toEqual(subscription);
    expect(all.status).toBe(200);
    for (const body of [one.body, all.body]) {
      expect(JSON.stringify(body)).not.toContain(secret);
      expect(JSON.stringify(body)).not.toContain('sealed');
    }
    expect(ok(await admin.send(routes.listWebhookSubscriptions)).items.map((item) => item.subscriptionId)).toContain(subscription.subscriptionId);

    // The table holds it sealed: not the secret, nor its key.
    const { Item } = await table.send(new GetCommand({ TableName: tableDefinition.localName, Key: webhookSubscriptionKey(subscription.subscriptionId) }));
    expect(Item?.secrets).toHaveLength(1);
    expect(JSON.stringify(Item)).not.toContain(secret.slice('whsec_'.length));
  });

  it('refuses agents and client admins every webhook route with a 403', async () => {
    const { subscription } = await subscribe('for the refusals');
    const path = { subscriptionId: subscription.subscriptionId };
    for (const caller of [agent, clientAdmin]) {
      const answers = await Promise.all([
        caller.send(routes.listWebhookSubscriptions),
        caller.send(routes.createWebhookSubscription, { body: { url: receiverUrl, eventTypes: ['message.posted'] } }),
        caller.send(routes.getWebhookSubscription, { path }),
        caller.send(routes.changeWebhookSubscription, { path, body: { enabled: false } }),
        caller.send(routes.rotateWebhookSecret, { path }),
        caller.send(routes.deleteWebhookSubscription, { path }),
      ]);
      expect(answers.map((answer) => answer.status)).toEqual([403, 403, 403, 403, 403, 403]);
    }
    expect(ok(await admin.send(routes.getWebhookSubscription, { path }))).toMatchObject({ state: 'active', version: 1 });
  });

  it('refuses a private, link-local or loopback address, and a host name that resolves to one, naming body.url', async () => {
    for (const url of ['https://10.0.0.5/hook', 'https://169.254.169.254/', 'https://[fd00::1]/hook', 'https://127.0.0.1:8443/hook']) {
      const answer = await admin.send(routes.createWebhookSubscription, { body: { url, eventTypes: ['request.created'] } });
      expect(urlRefusal(answer), url).toEqual({ status: 400, code: 'validation_failed', fields: ['body.url'] });
      expect(reasonOf(answer), url).toMatch(/private network, on this machine or link-local/);
    }
    // https to loopback is no local exception: localhost resolves there.
    const localhost = await admin.send(routes.createWebhookSubscription, { body: { url: 'https://localhost/hook', eventTypes: ['request.created'] } });
    expect(urlRefusal(localhost)).toEqual({ status: 400, code: 'validation_failed', fields: ['body.url'] });
    expect(reasonOf(localhost)).toMatch(/resolves to an address in a private network, on this machine or link-local/);
  });

  it('refuses http to anywhere but this machine, credentials in the URL, and a host name that does not resolve', async () => {
    const refused = async (url: string) => {
      const answer = await admin.send(routes.createWebhookSubscription, { body: { url, eventTypes: ['request.created'] } });
      expect(urlRefusal(answer), url).toEqual({ status: 400, code: 'validation_failed', fields: ['body.url'] });
      return reasonOf(answer);
    };
    expect(await refused('http://hooks.azami.example/orderdesk')).toMatch(/^only https URLs/);
    expect(await refused('https://user:password@hooks.azami.example/')).toMatch(/no user name or password/);
    expect(await refused('https://no-such-host.invalid/hook')).toBe('this host name does not resolve');
  });

  it('refuses an organisation that does not exist, and an event type twice, naming the field', async () => {
    const unknown = await admin.send(routes.createWebhookSubscription, { body: { url: receiverUrl, eventTypes: ['request.created'], orgId: 'org-nobody' } });
    expect(urlRefusal(unknown)).toEqual({ status: 400, code: 'validation_failed', fields: ['body.orgId'] });
    const twice = await admin.send(routes.createWebhookSubscription, { body: { url: receiverUrl, eventTypes: ['request.created', 'request.created'] } });
    expect(urlRefusal(twice)).toEqual({ status: 400, code: 'validation_failed', fields: ['body.eventTypes'] });
    expect(ok(await admin.send(routes.listWebhookSubscriptions)).items.filter((item) => item.orgId === 'org-nobody')).toEqual([]);
  });

  it('rotates the secret: a new one shown once, the old one signing for 24 hours more, as the view then says', async () => {
    const { subscription, secret: first } = await subscribe('for the rotation');
    const path = { subscriptionId: subscription.subscriptionId };
    const { secret, previousValidUntil } = ok(await admin.send(routes.rotateWebhookSecret, { path }));
    expect(secret).toMatch(/^whsec_/);
    expect(secret).not.toBe(first);

    const after = ok(await admin.send(routes.getWebhookSubscription, { path }));
    expect(after.version).toBe(2);
    expect(after.secretRotatedAt).toBe(after.updatedAt);
    expect(after.previousSecretValidUntil).toBe(previousValidUntil);
    expect(Date.parse(previousValidUntil) - Date.parse(after.secretRotatedAt!)).toBe(24 * 3_600_000);

    const { Item } = await table.send(new GetCommand({ TableName: tableDefinition.localName, Key: webhookSubscriptionKey(subscription.subscriptionId) }));
    expect(Item?.secrets).toHaveLength(2);
    for (const clear of [first, secret]) expect(JSON.stringify(Item)).not.toContain(clear.slice('whsec_'.length));
  });

  it('disables and enables a subscription; enabling one orderdesk disabled clears its failure streak', async () => {
    const { subscription } = await subscribe('for switching');
    const path = { subscriptionId: subscription.subscriptionId };
    expect(ok(await admin.send(routes.changeWebhookSubscription, { path, body: { enabled: false } }))).toMatchObject({ state: 'disabled', disabledReason: 'by_admin', version: 2 });
    const enabled = ok(await admin.send(routes.changeWebhookSubscription, { path, body: { enabled: true } }));
    expect(enabled).toMatchObject({ state: 'active', version: 3 });
    expect(enabled.disabledReason).toBeUndefined();

    // As the sender leaves it after five days of failures.
    const stored = (await store.get(subscription.subscriptionId))!;
    const failingSince = '2026-01-05T10:00:00.000Z';
    await dynamoUnitOfWork(table).commit([store.update(stored, { ...stored, state: 'disabled', disabledReason: 'failing', failingSince, version: stored.version + 1 })]);
    expect(ok(await admin.send(routes.getWebhookSubscription, { path }))).toMatchObject({ state: 'disabled', disabledReason: 'failing', failingSince });

    const again = ok(await admin.send(routes.changeWebhookSubscription, { path, body: { enabled: true } }));
    expect(again).toMatchObject({ state: 'active', version: 5 });
    expect(again.disabledReason).toBeUndefined();
    expect(again.failingSince).toBeUndefined();
  });

  it('changes what a subscription wants, checks a new URL as on creation, and refuses a change decided on an older version', async () => {
    const { subscription } = await subscribe('for changes');
    const path = { subscriptionId: subscription.subscriptionId };
    const changed = ok(await admin.send(routes.changeWebhookSubscription, { path, body: { eventTypes: ['message.posted'], orgId: null, description: null, version: 1 } }));
    expect(changed).toMatchObject({ eventTypes: ['message.posted'], version: 2 });
    expect(changed.orgId).toBeUndefined();
    expect(changed.description).toBeUndefined();

    const privateUrl = await admin.send(routes.changeWebhookSubscription, { path, body: { url: 'https://192.168.1.10/hook' } });
    expect(urlRefusal(privateUrl)).toEqual({ status: 400, code: 'validation_failed', fields: ['body.url'] });
    const stale = await admin.send(routes.changeWebhookSubscription, { path, body: { enabled: false, version: 1 } });
    expect(stale.status).toBe(409);
    expect(ok(await admin.send(routes.getWebhookSubscription, { path }))).toMatchObject({ url: receiverUrl, state: 'active', version: 2 });
    // Scoped to its organisation again, so no other test's events reach it.
    ok(await admin.send(routes.changeWebhookSubscription, { path, body: { orgId } }));
  });

  it('deletes a subscription: gone from the list, a 404 after', async () => {
    const { subscription } = await subscribe('to delete');
    const path = { subscriptionId: subscription.subscriptionId };
    expect((await admin.send(routes.deleteWebhookSubscription, { path })).status).toBe(204);
    made.delete(subscription.subscriptionId);
    expect((await admin.send(routes.getWebhookSubscription, { path })).status).toBe(404);
    expect((await admin.send(routes.deleteWebhookSubscription, { path })).status).toBe(404);
    expect(ok(await admin.send(routes.listWebhookSubscriptions)).items.map((item) => item.subscriptionId)).not.toContain(subscription.subscriptionId);
  });

  it('writes every change in the agency’s log, with who did it and never a secret', async () => {
    const { subscription, secret } = await subscribe('for the log');
    const path = { subscriptionId: subscription.subscriptionId };
    ok(await admin.send(routes.changeWebhookSubscription, { path, body: { eventTypes: ['offer.posted'], enabled: false } }));
    ok(await admin.send(routes.changeWebhookSubscription, { path, body: { enabled: true } }));
    const { secret: rotated } = ok(await admin.send(routes.rotateWebhookSecret, { path }));
    expect((await admin.send(routes.deleteWebhookSubscription, { path })).status).toBe(204);
    made.delete(subscription.subscriptionId);

    const log = await admin.raw('GET', '/staff/log?limit=200');
    expect(log.status).toBe(200);
    const items = (log.body as { items: { action: string; targetId: string; targetName: string; actorId: string; details: Record<string, unknown> }[] }).items.filter(
      (entry) => entry.targetId === subscription.subscriptionId,
    );
    // Newest first; a change and a switch in one call are two lines of the same moment.
    expect(items.map((entry) => entry.action).sort()).toEqual(
      ['webhook_created', 'webhook_changed', 'webhook_disabled', 'webhook_enabled', 'webhook_secret_rotated', 'webhook_deleted'].sort(),
    );
    expect(items[0]?.action).toBe('webhook_deleted');
    expect(items.at(-1)?.action).toBe('webhook_created');
    expect(items.every((entry) => entry.actorId === admin.userId && entry.targetName === 'for the log')).toBe(true);
    expect(items.find((entry) => entry.action === 'webhook_changed')?.details).toEqual({ eventTypes: { from: ['request.created', 'request.status_changed'], to: ['offer.posted'] } });
    for (const clear of [secret, rotated]) expect(JSON.stringify(log.body)).not.toContain(clear.slice('whsec_'.length));
  });
});
