import { ConditionalCheckFailedException, GetCommand, PutCommand, QueryCommand, type DocumentClient } from './document-client.js';
import * as z from 'zod';
import { ConflictError } from '../../domain/errors.js';
import { WebhookDelivery } from '../../domain/webhooks/delivery.js';
import { keepDeliveryDays } from '../../domain/webhooks/delivery-round.js';
import type { WebhookDeliveryStore } from '../../services/ports/webhooks.js';
import { cursorCodec, CursorTime } from './cursor.js';
import { dueDeliveriesIndexKey, dueDeliveriesPartition, subscriptionDeliveriesIndexKey, subscriptionDeliveriesPartition, webhookDeliveryKey } from './keys.js';
import { queryPage } from './query-page.js';
import { readListed, type RawItem } from './stored-items.js';
import { TableWrite } from './table-write.js';
import { tableDefinition } from './table-definition.js';
import { versionCondition } from './version-condition.js';

const DeliveryId = z.string().regex(/^[\w.-]{1,200}$/);
const deliveriesCursor = cursorCodec('webhook-deliveries', z.strictObject({ createdAt: CursorTime, deliveryId: DeliveryId }));

const ttl = tableDefinition.timeToLiveAttribute;
const epochSeconds = (at: Date) => Math.floor(at.getTime() / 1000);

/** A delivery expires `keepDeliveryDays` after its last change (its creation, a try, a resend). */
const expiryOf = (delivery: WebhookDelivery): number => {
  const last = Math.max(Date.parse(delivery.createdAt), Date.parse(delivery.roundStartedAt), ...delivery.attempts.map((attempt) => Date.parse(attempt.at)));
  return Math.floor(last / 1000) + keepDeliveryDays * 86_400;
};

/** The item: listed under its subscription, and in the due index only while pending. */
const deliveryItem = (delivery: WebhookDelivery) => ({
  ...webhookDeliveryKey(delivery.deliveryId),
  ...subscriptionDeliveriesIndexKey(delivery.subscriptionId, delivery.createdAt, delivery.deliveryId),
  ...(delivery.state === 'pending' && delivery.nextAttemptAt ? dueDeliveriesIndexKey(delivery.nextAttemptAt, delivery.deliveryId) : {}),
  entity: 'webhook-delivery',
  ...delivery,
  [ttl]: expiryOf(delivery),
});

/**
 * Webhook deliveries: one item each, by its id (the subscription's and the event's, so a replayed
 * event finds the one it made). Every change replaces the item conditional on the version read.
 * Expired items are deleted by the table's TTL late (DynamoDB Local never): every read filters
 * them out by the business clock.
 */
export const dynamoWebhookDeliveryStore = (client: DocumentClient, tableName: () => string, now: () => Date): WebhookDeliveryStore => {
  const live = (item: RawItem): WebhookDelivery | undefined => (typeof item[ttl] === 'number' && item[ttl] <= epochSeconds(now()) ? undefined : WebhookDelivery.parse(item));
  return {
    async get(deliveryId) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName(), Key: webhookDeliveryKey(deliveryId), ConsistentRead: true }));
      return Item ? live(Item) : undefined;
    },

    async createIfAbsent(delivery) {
      try {
        await client.send(new PutCommand({ TableName: tableName(), Item: deliveryItem(delivery), ConditionExpression: 'attribute_not_exists(pk)' }));
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },

    update: (before, after) =>
      new TableWrite(
        `webhook delivery ${before.deliveryId}`,
        { Put: { TableName: tableName(), Item: deliveryItem(after), ...versionCondition(before.version) } },
        () => new ConflictError(`Webhook delivery ${before.deliveryId} changed meanwhile (a try, or a resend)`, 'Reload the deliveries to see where it is'),
      ),

    listBySubscription(subscriptionId, limit, cursor) {
      const at = cursor === undefined ? undefined : deliveriesCursor.decode(cursor);
      return queryPage(client, {
        input: {
          TableName: tableName(),
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          FilterExpression: 'attribute_not_exists(#ttl) OR #ttl > :now',
          ExpressionAttributeNames: { '#ttl': ttl },
          ExpressionAttributeValues: { ':pk': subscriptionDeliveriesPartition(subscriptionId), ':now': epochSeconds(now()) },
          ScanIndexForward: false,
        },
        limit,
        parse: (item) => WebhookDelivery.parse(item),
        cursorAfter: (delivery) => deliveriesCursor.encode({ createdAt: delivery.createdAt, deliveryId: delivery.deliveryId }),
        start: at && { ...webhookDeliveryKey(at.deliveryId), ...subscriptionDeliveriesIndexKey(subscriptionId, at.createdAt, at.deliveryId) },
      });
    },

    async due(at, limit) {
      const read = readListed((item) => WebhookDelivery.parse(item));
      const found: WebhookDelivery[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await client.send(
          new QueryCommand({
            TableName: tableName(),
            IndexName: 'gsi3',
            // `~` sorts after every character of a delivery id: every one due at `at` itself too.
            KeyConditionExpression: 'gsi3pk = :pk AND gsi3sk <= :due',
            FilterExpression: '#state = :pending AND (attribute_not_exists(#ttl) OR #ttl > :now)',
            ExpressionAttributeNames: { '#state': 'state', '#ttl': ttl },
            ExpressionAttributeValues: { ':pk': dueDeliveriesPartition, ':due': `${at.toISOString()}#~`, ':pending': 'pending', ':now': epochSeconds(at) },
            ExclusiveStartKey: start,
            Limit: limit,
          }),
        );
        for (const raw of page.Items ?? []) {
          const delivery = read(raw);
          if (delivery && found.length < limit) found.push(delivery);
        }
        start = page.LastEvaluatedKey;
      } while (start && found.length < limit);
      return found;
    },
  };
};
