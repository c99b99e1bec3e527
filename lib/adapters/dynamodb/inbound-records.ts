import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { InboundOutcome } from '../../domain/mail/inbound-mail.js';
import { epochSeconds } from '../../domain/time.js';
import { outcomeExpiry, type InboundRecords } from '../../services/inbound-mail.js';

/**
 * Inbound mail's items (two rows of the table's layout, built here: nothing else reads them):
 * | entity                  | pk                     | sk       |                     |
 * |-------------------------|------------------------|----------|---------------------|
 * | a stored mail's outcome | INBOUND#<object key>   | OUTCOME  | (expiresAt: TTL)    |
 * | an answer to a sender   | EMAIL#<email>          | ANSWERED | (expiresAt: TTL)    |
 * Both expire by TTL, which deletes late (DynamoDB Local never): every read and condition
 * treats an expired item as absent.
 */
export const inboundOutcomeKey = (objectKey: string) => ({ pk: `INBOUND#${objectKey}`, sk: 'OUTCOME' });
export const answeredKey = (email: string) => ({ pk: `EMAIL#${email.toLowerCase()}`, sk: 'ANSWERED' });

const isConditionFailure = (error: unknown) => error instanceof Error && error.name === 'ConditionalCheckFailedException';

export const dynamoInboundRecords = (client: DynamoDBDocumentClient, tableName: () => string): InboundRecords => ({
  async handled(objectKey, now) {
    const { Item } = await client.send(new GetCommand({ TableName: tableName(), Key: inboundOutcomeKey(objectKey), ConsistentRead: true }));
    if (!Item || typeof Item.expiresAt !== 'number' || Item.expiresAt < epochSeconds(now) || typeof Item.outcome !== 'string') return undefined;
    return InboundOutcome.parse(JSON.parse(Item.outcome));
  },

  async record(outcome, now) {
    try {
      await client.send(
        new PutCommand({
          TableName: tableName(),
          Item: { ...inboundOutcomeKey(outcome.objectKey), entity: 'inbound-outcome', outcome: JSON.stringify(outcome), at: now.toISOString(), expiresAt: outcomeExpiry(now) },
          // The first outcome stays: a concurrent delivery of the same event recorded first.
          ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
          ExpressionAttributeValues: { ':now': epochSeconds(now) },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  },

  async claimAnswer(email, now, seconds) {
    try {
      await client.send(
        new PutCommand({
          TableName: tableName(),
          Item: { ...answeredKey(email), entity: 'inbound-answer', email: email.toLowerCase(), at: now.toISOString(), expiresAt: epochSeconds(now) + seconds },
          ConditionExpression: 'attribute_not_exists(pk) OR expiresAt <= :now',
          ExpressionAttributeValues: { ':now': epochSeconds(now) },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },
});
