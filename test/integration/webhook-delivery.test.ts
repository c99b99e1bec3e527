import { GetItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { webhookEventTypes } from '../../lib/domain/webhooks/event-types.js';
import { messageIdOf } from '../../lib/domain/webhooks/delivery.js';
import { functions } from '../../lib/lambda/table.js';
import { routes } from '../../lib/http/routes.js';
import { pollUntil } from '../../local/poll.js';
import { asDemoUser, newInquiry, ok, people, type SignedIn } from '../support/api-client.js';
import { freshOrganisation, localDynamo } from '../support/fresh-organisation.js';
import { invoke } from '../support/invoke.js';
import { freeOffer } from '../support/offers.js';
import { startReceiver, type Receiver } from '../support/webhook-receiver.js';

/** Waits until `receiver` got an event of `type` about the request, and answers it. */
const eventArrives = (receiver: Receiver, requestId: string, type: string) =>
  pollUntil(`a ${type} event about ${requestId}`, async () => receiver.about(requestId).find((one) => one.event.type === type), {
    timeoutMs: 15_000,
    state: async () => `got ${receiver.about(requestId).map((one) => one.event.type).join(', ') || 'nothing'}`,
  });

describe('webhook delivery, on the local stack', () => {
  let admin: SignedIn;
  let ours: Receiver;
  let others: Receiver;
  let secret: string;
  const subscriptions: string[] = [];

  beforeAll(async () => {
    admin = await asDemoUser(people.admin);
    [ours, others] = await Promise.all([startReceiver(), startReceiver()]);
  });

  afterAll(async () => {
    for (const subscriptionId of subscriptions) await admin.send(routes.deleteWebhookSubscription, { path: { subscriptionId } });
    await Promise.all([ours?.stop(), others?.stop()]);
  });

  it('delivers each event of a request’s journey once, signed so a Standard Webhooks verifier accepts it; an internal note, another organisation’s subscriber and a replayed record get nothing', async () => {
    const { orgId, admin: client } = await freshOrganisation('Webhooks');
    const subscribe = async (url: string, org: string) => {
      const created = ok(await admin.send(routes.createWebhookSubscription, { body: { url, eventTypes: [...webhookEventTypes], orgId: org, description: 'integration test' } }));
      subscriptions.push(created.subscription.subscriptionId);
      return created;
    };
    const created = await subscribe(ours.url, orgId);
    secret = created.secret;
    await subscribe(others.url, 'org-beta');
    const eva = await asDemoUser(people.agent);

    // The client files it; the agent asks; a note the client never sees; an offer, accepted; work starts.
    const { requestId } = ok(await client.send(routes.createRequest, { body: newInquiry('Webhooky pro platformu') }));
    const path = { requestId };
    await eventArrives(ours, requestId, 'request.created');
    ok(await eva.send(routes.postMessage, { path, body: { body: 'Máte prosím podklady?' } }));
    await eventArrives(ours, requestId, 'message.posted');
    const note = ok(await eva.send(routes.postMessage, { path, body: { body: 'Interně: klient platí pozdě.', internal: true } }));
    const offer = ok(await eva.send(routes.postOffer, { path, body: freeOffer() }));
    await eventArrives(ours, requestId, 'offer.posted');
    ok(await client.send(routes.acceptOffer, { path: { requestId, offerNumber: offer.number }, body: { contentHash: offer.contentHash } }));
    const accepted = await eventArrives(ours, requestId, 'offer.accepted');
    ok(await eva.send(routes.takeAction, { path, body: { action: 'start_work' } }));
    const started = await eventArrives(ours, requestId, 'request.status_changed');

    const got = ours.about(requestId);
    expect(got.map((one) => one.event.type)).toEqual(['request.created', 'message.posted', 'offer.posted', 'offer.accepted', 'request.status_changed']);
    // Each once: one webhook-id per event, the entry's.
    expect(new Set(got.map((one) => one.headers['webhook-id'])).size).toBe(got.length);
    for (const one of got) {
      expect(one.headers['webhook-id']).toBe(messageIdOf(one.event.data.entryId));
      expect(new Webhook(secret).verify(one.body, one.headers)).toEqual(one.event);
      expect(one.event.data.request).toMatchObject({ requestId, orgId, platform: 'azami', title: 'Webhooky pro platformu' });
      expect(one.event.data.links.api).toMatch(new RegExp(`/requests/${requestId}$`));
      expect(one.event.data.links.portal).toMatch(new RegExp(`/requests/${requestId}$`));
    }
    // The statuses it moved through, and never a word of the note.
    expect(accepted.event.data).toMatchObject({ previousStatus: 'quoted', status: 'queued' });
    expect(started.event.data).toMatchObject({ previousStatus: 'queued', status: 'in_progress' });
    expect(got.some((one) => one.event.data.entryId === note.entryId)).toBe(false);
    expect(got.map((one) => one.body).join()).not.toContain('Interně');
    // A signature made with another secret is refused (the verifier is not fooled by anything).
    expect(() => new Webhook(`whsec_${Buffer.alloc(32, 7).toString('base64')}`).verify(got[0]!.body, got[0]!.headers)).toThrow();

    // The subscriber of another organisation got nothing of this one's.
    expect(others.about(requestId)).toEqual([]);

    // The stream record of the request's creation again, as the stream poller would hand it over.
    const dynamo = localDynamo();
    const tableName = inject('stack').tableName;
    const { Items } = await dynamo.send(
      new QueryCommand({ TableName: tableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :tl)', ExpressionAttributeValues: { ':pk': { S: `REQ#${requestId}` }, ':tl': { S: 'TL#' } } }),
    );
    const creation = Items!.find((item) => item.kind?.S === 'request_created')!;
    const { Item } = await dynamo.send(new GetItemCommand({ TableName: tableName, Key: { pk: creation.pk!, sk: creation.sk! } }));
    dynamo.destroy();
    const replay = await invoke(functions.webhookFanout, { Records: [{ eventID: 'replayed', eventName: 'INSERT', dynamodb: { SequenceNumber: '1', NewImage: Item! } }] });
    expect(replay.result).toEqual({ batchItemFailures: [] });
    // Something after it, so whatever the replay queued would have come first.
    ok(await eva.send(routes.postMessage, { path, body: { body: 'Začínáme.' } }));
    await pollUntil('the second message’s event', async () => (ours.about(requestId).filter((one) => one.event.type === 'message.posted').length === 2 ? true : undefined), { timeoutMs: 15_000 });
    expect(ours.about(requestId).filter((one) => one.event.type === 'request.created')).toHaveLength(1);

    // The deliveries list shows each with its one successful try, newest first, and the body that was sent.
    const deliveries = ok(await admin.send(routes.listWebhookDeliveries, { path: { subscriptionId: created.subscription.subscriptionId }, query: { limit: 20 } }));
    expect(deliveries.items.map((delivery) => delivery.eventType)).toEqual(['message.posted', 'request.status_changed', 'offer.accepted', 'offer.posted', 'message.posted', 'request.created']);
    for (const delivery of deliveries.items) {
      expect(delivery).toMatchObject({ state: 'delivered', attempts: [{ status: 204 }] });
      expect(ours.received.map((one) => one.body)).toContain(delivery.payload);
    }
    // Agency admins only.
    expect((await eva.send(routes.listWebhookDeliveries, { path: { subscriptionId: created.subscription.subscriptionId }, query: {} })).status).toBe(403);
  });
});
