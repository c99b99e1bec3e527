import { QueryCommand, type DocumentClient, type QueryCommandInput } from './document-client.js';
import * as z from 'zod';
import { writeConflicts } from '../../services/ports/write-conflicts.js';
import type { Ranked } from '../../domain/ranking.js';
import { Request, RequestId } from '../../domain/request.js';
import { CursorRank, cursorCodec } from './cursor.js';
import { clientQueueKey, clientQueuePartition, requestKey, workQueuePartition } from './keys.js';
import { queryAll } from './query-all.js';
import { queryPage } from './query-page.js';
import { readListed } from './stored-items.js';
import { TableWrite } from './table-write.js';
import type { QueueGap, QueueStore } from '../../services/ports/requests.js';

const QueuedRequest = Request.required({ rank: true });
const ReadyRequest = Request.required({ rank: true, readyAt: true });
const RankedItem = z.object({ requestId: RequestId, rank: CursorRank });

/** Positions travel with the cursor, so the next page numbers on where this one ended. */
const queueCursor = cursorCodec('queue', z.strictObject({ rank: CursorRank, requestId: RequestId, position: z.number().int().min(0) }));

/** Only what ordering needs: a move reads a handful of these, a whole order all of them. */
const rankOnly: Pick<QueryCommandInput, 'ProjectionExpression' | 'ExpressionAttributeNames'> = {
  ProjectionExpression: 'requestId, #rank',
  ExpressionAttributeNames: { '#rank': 'rank' },
};

export const dynamoQueueStore = (client: DocumentClient, tableName: () => string): QueueStore => {
  const queueQuery = (orgId: string): QueryCommandInput => ({
    TableName: tableName(),
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :queue',
    ExpressionAttributeValues: { ':queue': clientQueuePartition(orgId) },
  });

  /** One side of a gap, nearest first: `count` requests and the one beyond them, leaving out `excluding`. */
  const side = async (orgId: string, condition: string | undefined, from: Ranked | undefined, forward: boolean, count: number, excluding: string) => {
    const { Items = [] } = await client.send(
      new QueryCommand({
        ...queueQuery(orgId),
        ...rankOnly,
        KeyConditionExpression: `gsi2pk = :queue${condition ? ` AND gsi2sk ${condition} :from` : ''}`,
        ExpressionAttributeValues: {
          ':queue': clientQueuePartition(orgId),
          ...(from ? { ':from': clientQueueKey(orgId, from.requestId, from.rank).gsi2sk } : {}),
        },
        ScanIndexForward: forward,
        // The excluded request may be among them, and one more is the bound beyond.
        Limit: count + 2,
      }),
    );
    const read = readListed((item) => RankedItem.parse(item));
    const ranked = Items.map(read).filter((item): item is Ranked => item !== undefined && item.requestId !== excluding);
    return { near: ranked.slice(0, count), beyond: ranked[count] };
  };

  return {
    async clientQueuePage(orgId, limit, cursor) {
      const at = cursor === undefined ? undefined : queueCursor.decode(cursor);
      const offset = at?.position ?? 0;
      const page = await queryPage(client, {
        input: queueQuery(orgId),
        limit,
        parse: (item) => QueuedRequest.parse(item),
        cursorAfter: (request) => queueCursor.encode({ rank: request.rank, requestId: request.requestId, position: offset + limit }),
        start: at && { ...requestKey(at.requestId), ...clientQueueKey(orgId, at.requestId, at.rank) },
      });
      return { ...page, offset };
    },

    async clientQueue(orgId, max) {
      const { Items = [] } = await client.send(new QueryCommand({ ...queueQuery(orgId), Limit: max }));
      return Items.map(readListed((item) => QueuedRequest.parse(item))).filter((item) => item !== undefined);
    },

    queueRanks: (orgId) => queryAll(client, { ...queueQuery(orgId), ...rankOnly }, (item) => RankedItem.parse(item)),

    async surroundings(orgId, gap: QueueGap, count, excluding) {
      const none = Promise.resolve({ near: [] as Ranked[], beyond: undefined });
      const [before, after] = await Promise.all(
        'to' in gap
          ? gap.to === 'top'
            ? [none, side(orgId, undefined, undefined, true, count, excluding)]
            : [side(orgId, undefined, undefined, false, count, excluding), none]
          : 'before' in gap
            ? [side(orgId, '<', gap.before, false, count, excluding), side(orgId, '>=', gap.before, true, count, excluding)]
            : [side(orgId, '<=', gap.after, false, count, excluding), side(orgId, '>', gap.after, true, count, excluding)],
      );
      return { before: before.near, after: after.near, beyondBefore: before.beyond, beyondAfter: after.beyond };
    },

    async lastRank(orgId) {
      const { Items } = await client.send(new QueryCommand({ ...queueQuery(orgId), ...rankOnly, ScanIndexForward: false, Limit: 1 }));
      const rank = Items?.[0]?.rank;
      return typeof rank === 'string' ? rank : undefined;
    },

    workQueue: () =>
      queryAll(
        client,
        {
          TableName: tableName(),
          IndexName: 'gsi4',
          KeyConditionExpression: 'gsi4pk = :partition',
          ExpressionAttributeValues: { ':partition': workQueuePartition },
        },
        (item) => ReadyRequest.parse(item),
      ),

    rerank: (orgId, change) =>
      new TableWrite(
        `rank of ${change.requestId}`,
        {
          Update: {
            TableName: tableName(),
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
        () => writeConflicts.rankChanged(change.requestId),
      ),
  };
};
