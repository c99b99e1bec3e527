import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../../domain/errors.js';
import { Request } from '../../domain/request.js';
import type { QueueStore, TimelineEntry } from '../../services/ports.js';
import { clientQueueKey, clientQueuePartition, requestKey, workQueuePartition } from './keys.js';
import { queryAll } from './query-all.js';
import { entryPut } from './timeline-item.js';
import { transact, type GuardedItem } from './transact.js';

const QueuedRequest = Request.required({ rank: true });
const ReadyRequest = Request.required({ rank: true, readyAt: true });

/** Reads a whole index partition with one Query. */
const readPartition = <T>(
  client: DynamoDBDocumentClient,
  TableName: string,
  index: 'gsi2' | 'gsi4',
  partition: string,
  parse: (item: Record<string, unknown>) => T,
): Promise<T[]> =>
  queryAll(
    client,
    {
      TableName,
      IndexName: index,
      KeyConditionExpression: '#pk = :partition',
      ExpressionAttributeNames: { '#pk': `${index}pk` },
      ExpressionAttributeValues: { ':partition': partition },
    },
    parse,
  );

export const dynamoQueueStore = (client: DynamoDBDocumentClient, tableName: () => string): QueueStore => ({
  clientQueue: (orgId) => readPartition(client, tableName(), 'gsi2', clientQueuePartition(orgId), (item) => QueuedRequest.parse(item)),

  async lastRank(orgId) {
    const { Items } = await client.send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :queue',
        ExpressionAttributeValues: { ':queue': clientQueuePartition(orgId) },
        ProjectionExpression: '#rank',
        ExpressionAttributeNames: { '#rank': 'rank' },
        ScanIndexForward: false,
        Limit: 1,
      }),
    );
    const rank = Items?.[0]?.rank;
    return typeof rank === 'string' ? rank : undefined;
  },

  workQueue: () => readPartition(client, tableName(), 'gsi4', workQueuePartition, (item) => ReadyRequest.parse(item)),

  async applyRanks(orgId, changes, entries: readonly TimelineEntry[]) {
    const TableName = tableName();
    const rankWrites: GuardedItem[] = changes.map((change) => ({
      item: {
        Update: {
          TableName,
          Key: requestKey(change.requestId),
          UpdateExpression: 'SET #rank = :to, gsi2sk = :sk',
          ConditionExpression: 'gsi2pk = :queue AND #rank = :from',
          ExpressionAttributeNames: { '#rank': 'rank' },
          ExpressionAttributeValues: {
            ':to': change.to,
            ':from': change.from,
            ':sk': clientQueueKey(orgId, change.requestId, change.to).gsi2sk,
            ':queue': clientQueuePartition(orgId),
          },
        },
      },
      onConditionFailed: () =>
        new ConflictError(
          `Request ${change.requestId} was moved or finished by someone else meanwhile`,
          'Reload the queue to see the current order, then move again',
        ),
    }));
    await transact(client, [...rankWrites, ...entries.map((entry) => entryPut(TableName, entry))]);
  },
});
