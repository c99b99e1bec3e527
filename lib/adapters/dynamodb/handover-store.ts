import { GetCommand, type DocumentClient } from './document-client.js';
import { ConflictError } from '../../domain/errors.js';
import { Handover } from '../../domain/review/handover.js';
import { handoverKey, handoverPrefix, requestKey } from './keys.js';
import { queryPrefix } from './query-all.js';
import { TableWrite } from './table-write.js';
import type { HandoverStore } from '../../services/ports/review.js';

/** Handovers: items of the request's collection, one per review round (`HANDOVER#0001`). */
export const dynamoHandoverStore = (client: DocumentClient, tableName: () => string): HandoverStore => ({
  async get(requestId, round) {
    const { Item } = await client.send(new GetCommand({ TableName: tableName(), Key: handoverKey(requestId, round) }));
    return Item ? Handover.parse(Item) : undefined;
  },

  list: (requestId) => queryPrefix(client, tableName(), requestKey(requestId).pk, handoverPrefix, (item) => Handover.parse(item)),

  add: (handover) =>
    new TableWrite(
      `handover ${handover.requestId} round ${handover.round}`,
      { Put: { TableName: tableName(), Item: { ...handoverKey(handover.requestId, handover.round), entity: 'handover', ...handover }, ConditionExpression: 'attribute_not_exists(pk)' } },
      () => new ConflictError(`Round ${handover.round} of request ${handover.requestId} was handed over by someone else a moment ago`, 'Reload the request to see its review'),
    ),

  settle: (before, after) =>
    new TableWrite(
      `handover ${before.requestId} round ${before.round} ${after.outcome?.decision}`,
      {
        Update: {
          TableName: tableName(),
          Key: handoverKey(before.requestId, before.round),
          UpdateExpression: 'SET outcome = :outcome',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(outcome)',
          ExpressionAttributeValues: { ':outcome': after.outcome },
        },
      },
      () => new ConflictError(`The review of round ${before.round} ended a moment ago`, 'Reload the request to see how it ended'),
    ),
});
