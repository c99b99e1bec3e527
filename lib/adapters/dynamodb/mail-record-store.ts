import { ConditionalCheckFailedException, GetCommand, PutCommand, UpdateCommand, type DocumentClient } from './document-client.js';
import * as z from 'zod';
import { ConflictError } from '../../domain/errors.js';
import { claimLeaseMs, MailRecord } from '../../domain/mail/mail-record.js';
import type { MailRecordKey, MailRecordStore } from '../../services/ports/mail.js';
import { cursorCodec, CursorTime } from './cursor.js';
import { mailRecordKey, parkedMailIndexKey, parkedMailPartition } from './keys.js';
import { queryPage } from './query-page.js';
import { updateExpression } from './update-expression.js';

const parkedCursor = cursorCodec('parked-mail', z.strictObject({ parkedAt: CursorTime, group: z.string().max(300), recipientId: z.string().max(128) }));

const key = ({ group, recipientId }: MailRecordKey) => mailRecordKey(group, recipientId);

/** The record as it was when a condition failed (DynamoDB returns it on request). */
const oldItem = (error: ConditionalCheckFailedException) => (error.Item ? MailRecord.safeParse(error.Item) : undefined);

/**
 * Mail records: one item per mail, claimed before the send and finished with its outcome. Every
 * write is conditional on what the writer read or claimed, so two deliveries of the same stream
 * record never both send, and a late writer never overwrites another's outcome.
 */
export const dynamoMailRecordStore = (client: DocumentClient, tableName: () => string): MailRecordStore => {
  const finish = async (record: MailRecordKey, token: string, set: Record<string, unknown>, remove: string[] = []) => {
    const update = updateExpression(set, remove);
    try {
      await client.send(
        new UpdateCommand({
          TableName: tableName(),
          Key: key(record),
          UpdateExpression: update.UpdateExpression,
          ConditionExpression: 'claimToken = :token',
          ExpressionAttributeNames: update.ExpressionAttributeNames,
          ExpressionAttributeValues: { ...update.ExpressionAttributeValues, ':token': token },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      // Our claim lapsed and someone else took the mail over: their outcome stands.
      throw new ConflictError('Another sender took this mail over', 'Nothing to do: it is sent or parked by the other', { cause: error });
    }
  };

  return {
    async get(record) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName(), Key: key(record), ConsistentRead: true }));
      return Item ? MailRecord.parse(Item) : undefined;
    },

    async claim(record, token, now) {
      try {
        await client.send(
          new PutCommand({
            TableName: tableName(),
            // The item's entity keeps the name it was first stored under, so older items read the same.
            Item: { ...key(record), entity: 'delivery', ...record, state: 'sending', claimToken: token, claimedAt: now.toISOString(), attempts: 0 },
            ConditionExpression: 'attribute_not_exists(pk) OR (#state = :sending AND claimedAt < :stale)',
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: { ':sending': 'sending', ':stale': new Date(now.getTime() - claimLeaseMs).toISOString() },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        );
        return 'claimed';
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        return oldItem(error)?.data?.state === 'sending' ? 'busy' : 'done';
      }
    },

    async claimParked(record, token, now) {
      try {
        const { Attributes } = await client.send(
          new UpdateCommand({
            TableName: tableName(),
            Key: key(record),
            UpdateExpression: 'SET #state = :sending, claimToken = :token, claimedAt = :now REMOVE gsi1pk, gsi1sk',
            ConditionExpression: '#state = :parked',
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: { ':sending': 'sending', ':parked': 'parked', ':token': token, ':now': now.toISOString() },
            ReturnValues: 'ALL_NEW',
          }),
        );
        return MailRecord.parse(Attributes);
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        throw new ConflictError('This mail is not parked (any more): it was sent again meanwhile', 'Reload the list of parked mails', { cause: error });
      }
    },

    sent: (record, token, outcome) =>
      // A mail sent again after parking keeps no trace of the old failure but its attempts.
      finish(record, token, { state: 'sent', messageId: outcome.messageId, sentAt: outcome.at, attempts: outcome.attempts }, ['error', 'parkedAt']),

    park: (record, token, outcome) =>
      finish(record, token, {
        state: 'parked',
        error: outcome.error.slice(0, 1000),
        parkedAt: outcome.at,
        attempts: outcome.attempts,
        ...parkedMailIndexKey(outcome.at, record.group, record.recipientId),
      }),

    async suppressed(record, at) {
      try {
        await client.send(
          new PutCommand({
            TableName: tableName(),
            Item: { ...key(record), entity: 'delivery', ...record, state: 'suppressed', claimedAt: at, attempts: 0 },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    },

    listParked: (limit, cursor) => {
      const at = cursor === undefined ? undefined : parkedCursor.decode(cursor);
      return queryPage(client, {
        input: {
          TableName: tableName(),
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': parkedMailPartition },
        },
        limit,
        parse: (item) => MailRecord.parse(item),
        cursorAfter: (record) => parkedCursor.encode({ parkedAt: record.parkedAt!, group: record.group, recipientId: record.recipientId }),
        start: at && { ...key(at), ...parkedMailIndexKey(at.parkedAt, at.group, at.recipientId) },
      });
    },
  };
};
