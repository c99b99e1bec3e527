import { UpdateCommand, type DocumentClient } from '../lib/adapters/dynamodb/document-client.js';
import { allRequestsPartition, clientQueueKey, requestKey } from '../lib/adapters/dynamodb/keys.js';
import { dynamoQueueStore } from '../lib/adapters/dynamodb/queue-store.js';
import { queryAll } from '../lib/adapters/dynamodb/query-all.js';
import { isActive } from '../lib/domain/lifecycle.js';
import { rankAfter } from '../lib/domain/ranking.js';
import { Request } from '../lib/domain/request.js';

/**
 * A local data dir from before client ranking holds active requests without a rank, which no
 * queue would show. They are appended to their organisation's queue, oldest first; each write is
 * conditional on the request still having no rank, so running it again changes nothing.
 */
export const backfillRanks = async (documents: DocumentClient, tableName: string): Promise<number> => {
  const unranked = (
    await queryAll(
      documents,
      {
        TableName: tableName,
        IndexName: 'gsi3',
        KeyConditionExpression: 'gsi3pk = :all',
        FilterExpression: 'attribute_not_exists(#rank)',
        ExpressionAttributeNames: { '#rank': 'rank' },
        ExpressionAttributeValues: { ':all': allRequestsPartition },
      },
      (item) => Request.parse(item),
    )
  ).filter((request) => isActive(request.status));

  const queues = dynamoQueueStore(documents, () => tableName);
  const lastRanks = new Map<string, string | undefined>();
  for (const request of unranked) {
    if (!lastRanks.has(request.orgId)) lastRanks.set(request.orgId, await queues.lastRank(request.orgId));
    const rank = rankAfter(lastRanks.get(request.orgId));
    const { gsi2pk, gsi2sk } = clientQueueKey(request.orgId, request.requestId, rank);
    await documents.send(
      new UpdateCommand({
        TableName: tableName,
        Key: requestKey(request.requestId),
        UpdateExpression: 'SET #rank = :rank, gsi2pk = :pk, gsi2sk = :sk',
        ConditionExpression: 'attribute_not_exists(#rank)',
        ExpressionAttributeNames: { '#rank': 'rank' },
        ExpressionAttributeValues: { ':rank': rank, ':pk': gsi2pk, ':sk': gsi2sk },
      }),
    );
    lastRanks.set(request.orgId, rank);
  }
  return unranked.length;
};
