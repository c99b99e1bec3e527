import { GetCommand, type DocumentClient } from './document-client.js';
import { ConflictError } from '../../domain/errors.js';
import { WebhookSubscription } from '../../domain/webhooks/subscription.js';
import type { WebhookSubscriptionStore } from '../../services/ports/webhooks.js';
import { webhookSubscriptionKey, webhookSubscriptionsIndexKey, webhookSubscriptionsPartition } from './keys.js';
import { queryAll } from './query-all.js';
import { TableWrite } from './table-write.js';
import { versionCondition } from './version-condition.js';

/** The subscription item: every subscription in one index partition, oldest first. Its secrets are sealed already. */
const subscriptionItem = (subscription: WebhookSubscription) => ({
  ...webhookSubscriptionKey(subscription.subscriptionId),
  ...webhookSubscriptionsIndexKey(subscription.createdAt, subscription.subscriptionId),
  entity: 'webhook-subscription',
  ...subscription,
});

const changedMeanwhile = (subscriptionId: string) => () =>
  new ConflictError(`Webhook subscription ${subscriptionId} was changed (or deleted) by someone else meanwhile`, 'Reload the subscription and try again');

/**
 * The webhook subscriptions: few (a handful per platform), so a list reads them whole. Every change
 * replaces the item, conditional on the `version` read.
 */
export const dynamoWebhookSubscriptionStore = (client: DocumentClient, tableName: () => string): WebhookSubscriptionStore => ({
  async get(subscriptionId) {
    // Consistent: a change decided on a stale read would only lose its race; a read right after a
    // change (a rotation, then the delivery signing with the new secret) sees it.
    const { Item } = await client.send(new GetCommand({ TableName: tableName(), Key: webhookSubscriptionKey(subscriptionId), ConsistentRead: true }));
    return Item ? WebhookSubscription.parse(Item) : undefined;
  },

  list: () =>
    queryAll(
      client,
      {
        TableName: tableName(),
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': webhookSubscriptionsPartition },
      },
      (item) => WebhookSubscription.parse(item),
    ),

  create: (subscription) =>
    new TableWrite(
      `webhook subscription ${subscription.subscriptionId}`,
      { Put: { TableName: tableName(), Item: subscriptionItem(subscription), ConditionExpression: 'attribute_not_exists(pk)' } },
      () => new ConflictError(`A webhook subscription ${subscription.subscriptionId} exists already`, 'Create it again: it gets a new id'),
    ),

  update: (before, after) =>
    new TableWrite(
      `webhook subscription ${before.subscriptionId}`,
      { Put: { TableName: tableName(), Item: subscriptionItem(after), ...versionCondition(before.version) } },
      changedMeanwhile(before.subscriptionId),
    ),

  remove: (before) =>
    new TableWrite(
      `webhook subscription ${before.subscriptionId}`,
      { Delete: { TableName: tableName(), Key: webhookSubscriptionKey(before.subscriptionId), ...versionCondition(before.version) } },
      changedMeanwhile(before.subscriptionId),
    ),
});
