import { GetCommand, type DocumentClient } from './document-client.js';
import { epochSeconds } from '../../domain/time.js';
import { IdempotencyRace, type IdempotencyStore } from '../../services/ports/common.js';
import * as z from 'zod';
import { idempotencyKey } from './keys.js';
import { TableWrite } from './table-write.js';

/** The record as stored: the answer as JSON text, so any answer fits one attribute. */
const IdempotencyItem = z.object({ fingerprint: z.string(), answer: z.string(), expiresAt: z.number() });

/** Answers to replay for repeated calls with the same Idempotency-Key, kept for a day. */
export const dynamoIdempotencyStore = (client: DocumentClient, tableName: () => string): IdempotencyStore => ({
  async find(recordId, now) {
    const { Item } = await client.send(new GetCommand({ TableName: tableName(), Key: idempotencyKey(recordId), ConsistentRead: true }));
    const record = Item ? IdempotencyItem.parse(Item) : undefined;
    // Expired records linger (TTL deletes late, DynamoDB Local never): they count as absent.
    if (!record || record.expiresAt < epochSeconds(now)) return undefined;
    return { fingerprint: record.fingerprint, body: JSON.parse(record.answer) as unknown };
  },

  record: (idempotency, answer, now) =>
    new TableWrite(
      `idempotency record ${idempotency.recordId}`,
      {
        Put: {
          TableName: tableName(),
          Item: {
            ...idempotencyKey(idempotency.recordId),
            entity: 'idempotency',
            fingerprint: idempotency.fingerprint,
            answer: JSON.stringify(answer),
            expiresAt: idempotency.expiresAt,
          },
          ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
          ExpressionAttributeValues: { ':now': epochSeconds(now) },
        },
      },
      () => new IdempotencyRace(),
    ),
});
