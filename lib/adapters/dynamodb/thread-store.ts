import { ConditionalCheckFailedException, GetCommand, UpdateCommand, type DocumentClient } from './document-client.js';
import * as z from 'zod';
import { threadLength, type ThreadStore } from '../../services/ports/mail.js';
import { threadKey } from './keys.js';

const ThreadItem = z.object({ firstId: z.string(), messageIds: z.array(z.string()) });

/**
 * One item per person and request beside the request (`REQ#<id>` / `MAILTHREAD#<userId>`): the first
 * mail's Message-ID and the last `threadLength`. Appends are unconditional `list_append`s, so
 * two mails sent at once both land; a list grown past the limit is trimmed by a second update,
 * conditional on the length it saw (a concurrent trim wins, and leaves the list right).
 */
export const dynamoThreadStore = (client: DocumentClient, tableName: () => string): ThreadStore => ({
  async get(requestId, userId) {
    const { Item } = await client.send(new GetCommand({ TableName: tableName(), Key: threadKey(requestId, userId) }));
    if (!Item) return undefined;
    const item = ThreadItem.parse(Item);
    return { first: item.firstId, recent: item.messageIds.slice(-threadLength) };
  },

  async append(requestId, userId, messageId) {
    const { Attributes } = await client.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: threadKey(requestId, userId),
        UpdateExpression: 'SET #entity = :entity, #first = if_not_exists(#first, :id), #ids = list_append(if_not_exists(#ids, :empty), :ids)',
        ExpressionAttributeNames: { '#entity': 'entity', '#first': 'firstId', '#ids': 'messageIds' },
        ExpressionAttributeValues: { ':entity': 'thread', ':id': messageId, ':ids': [messageId], ':empty': [] },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    const length = Array.isArray(Attributes?.messageIds) ? Attributes.messageIds.length : 0;
    if (length <= threadLength) return;
    const excess = Array.from({ length: length - threadLength }, (_, index) => `#ids[${index}]`);
    try {
      await client.send(
        new UpdateCommand({
          TableName: tableName(),
          Key: threadKey(requestId, userId),
          UpdateExpression: `REMOVE ${excess.join(', ')}`,
          ConditionExpression: 'size(#ids) = :length',
          ExpressionAttributeNames: { '#ids': 'messageIds' },
          ExpressionAttributeValues: { ':length': length },
        }),
      );
    } catch (error) {
      // Another append or trim came between: the list is someone else's to trim now (and get() reads the last ones anyway).
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  },
});
