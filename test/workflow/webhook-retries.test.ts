import { afterAll, describe, expect, inject, it } from 'vitest';
import { retryDelaysSeconds, retryHours } from '../../lib/domain/webhooks/delivery.js';
import { disableAfterDays } from '../../lib/domain/webhooks/subscription.js';
import { verifies } from '../../lib/domain/webhooks/standard-webhooks.js';
import { routes } from '../../lib/http/routes.js';
import { pollUntil } from '../../local/poll.js';
import { asDemoUser, newInquiry, ok, people, type SignedIn } from '../support/api-client.js';
import { freshOrganisation } from '../support/fresh-organisation.js';
import { mailsTo } from '../support/mailbox.js';
import { startReceiver, type Receiver } from '../support/webhook-receiver.js';
import { advanceClock, businessNow } from '../support/workflow-clock.js';

const stack = () => inject('stack');

/** Waits until the receiver got `count` requests about the request. */
const triesArrive = (receiver: Receiver, requestId: string, count: number) =>
  pollUntil(`${count} tries about ${requestId}`, async () => (receiver.about(requestId).length >= count ? receiver.about(requestId) : undefined), {
    timeoutMs: 20_000,
    state: async () => `got ${receiver.about(requestId).length}`,
  });

describe('webhook retries on the business clock', () => {
  let admin: SignedIn;
  let receiver: Receiver;
  const subscriptions: string[] = [];

  afterAll(async () => {
    for (const subscriptionId of subscriptions) await admin?.send(routes.deleteWebhookSubscription, { path: { subscriptionId } });
    await receiver?.stop();
  });

  it('retries a failing receiver after each wait, parks the delivery after 24 hours, sends it again once the receiver recovers, and disables a subscription failing for 5 days, mailing the agency admins', async () => {
    admin = await asDemoUser(people.admin);
    receiver = await startReceiver(500);
    const { orgId, admin: client } = await freshOrganisation('Retries');
    const created = ok(await admin.send(routes.createWebhookSubscription, { body: { url: receiver.url, eventTypes: ['message.posted'], orgId, description: 'retries test' } }));
    const { subscriptionId } = created.subscription;
    subscriptions.push(subscriptionId);
    const eva = await asDemoUser(people.agent);
    const { requestId } = ok(await client.send(routes.createRequest, { body: newInquiry('Webhook, který padá') }));
    ok(await eva.send(routes.postMessage, { path: { requestId }, body: { body: 'První zpráva.' } }));

    // The first try at once, then one after each wait of the schedule as business time passes.
    await triesArrive(receiver, requestId, 1);
    for (const [index, wait] of retryDelaysSeconds.entries()) {
      await advanceClock(stack(), wait + 1);
      await triesArrive(receiver, requestId, index + 2);
    }
    // The schedule is done 17.6 hours in: one last try when the round's 24 hours are up.
    const waited = retryDelaysSeconds.reduce((sum, wait) => sum + wait + 1, 0);
    await advanceClock(stack(), retryHours * 3600 - waited + 1);
    await triesArrive(receiver, requestId, retryDelaysSeconds.length + 2);
    const tries = receiver.about(requestId);
    expect(tries).toHaveLength(retryDelaysSeconds.length + 2);
    // Every try is the same event, signed anew (with its own timestamp, on the business clock).
    expect(new Set(tries.map((one) => one.headers['webhook-id'])).size).toBe(1);
    expect(new Set(tries.map((one) => one.headers['webhook-timestamp'])).size).toBe(tries.length);
    const last = tries.at(-1)!;
    expect(verifies(created.secret, last.headers, last.body, await businessNow(stack()))).toBe(true);

    // The 24 hours are over: parked, with every try listed.
    const listed = async () => ok(await admin.send(routes.listWebhookDeliveries, { path: { subscriptionId }, query: { limit: 10 } })).items;
    const parked = await pollUntil('the delivery parked', async () => (await listed()).find((delivery) => delivery.state === 'parked'), { timeoutMs: 10_000 });
    expect(parked).toMatchObject({ requestId, eventType: 'message.posted', parkedReason: 'retries_exhausted' });
    expect(parked.attempts.map((attempt) => attempt.status)).toEqual(Array(tries.length).fill(500));
    // Nothing more comes by itself.
    await advanceClock(stack(), 24 * 3600);
    expect(receiver.about(requestId)).toHaveLength(tries.length);

    // The receiver recovers; "send again" delivers it at once, with the same webhook-id.
    receiver.answer(204);
    const resent = await admin.send(routes.resendWebhookDelivery, { path: { subscriptionId, deliveryId: parked.deliveryId } });
    expect(resent).toMatchObject({ status: 202, data: { state: 'pending' } });
    const delivered = await pollUntil('the delivery sent again', async () => (await listed()).find((delivery) => delivery.deliveryId === parked.deliveryId && delivery.state === 'delivered'), { timeoutMs: 20_000 });
    expect(delivered.attempts.at(-1)).toMatchObject({ status: 204 });
    expect(receiver.about(requestId).at(-1)!.headers['webhook-id']).toBe(tries[0]!.headers['webhook-id']);
    // While it is being tried, sending it again is refused, saying when its next try is.
    receiver.answer(500);
    ok(await eva.send(routes.postMessage, { path: { requestId }, body: { body: 'Druhá zpráva.' } }));
    await triesArrive(receiver, requestId, tries.length + 2);
    const pending = await pollUntil('the second delivery failing', async () => (await listed()).find((delivery) => delivery.state === 'pending' && delivery.attempts.length === 1), { timeoutMs: 10_000 });
    const busy = await admin.send(routes.resendWebhookDelivery, { path: { subscriptionId, deliveryId: pending.deliveryId } });
    expect(busy).toMatchObject({ status: 409 });
    expect(busy.error?.message).toMatch(/still being tried; its next try is at/);

    // Failing for days: the next try past 5 days of failures disables the subscription and mails the agency's admins.
    const mailsBefore = (await mailsTo(people.admin)).length;
    await advanceClock(stack(), disableAfterDays * 86_400);
    const disabled = await pollUntil(
      'the subscription disabled',
      async () => {
        const subscription = ok(await admin.send(routes.getWebhookSubscription, { path: { subscriptionId } }));
        return subscription.state === 'disabled' ? subscription : undefined;
      },
      { timeoutMs: 20_000 },
    );
    expect(disabled).toMatchObject({ disabledReason: 'failing' });
    const mails = await pollUntil('the mail to the agency admin', async () => {
      const all = await mailsTo(people.admin);
      return all.length > mailsBefore ? all.slice(mailsBefore) : undefined;
    });
    const mail = mails.find((one) => /Webhook byl vypnut|Webhook disabled/.test(one.subject ?? ''));
    expect(mail, JSON.stringify(mails.map((one) => one.subject))).toBeDefined();
    expect(JSON.stringify(mail)).toContain(receiver.url);
  });
});
