import { ConditionalCheckFailedException, GetCommand, PutCommand, type DocumentClient } from './document-client.js';
import { InboundOutcome, outcomeExpiry } from '../../domain/mail/inbound-mail.js';
import { epochSeconds } from '../../domain/time.js';
import { answeredKey, inboundOutcomeKey } from './keys.js';
import type { InboundRecords } from '../../services/ports/mail.js';

/**
 * Inbound mail's items (keys in keys.ts): each stored mail's outcome, and the answers to senders.
 * Both expire by TTL, which deletes late (DynamoDB Local never): every read and condition treats
 * an expired item as absent.
 */

export const dynamoInboundRecords = (client: DocumentClient, tableName: () => string): InboundRecords => ({
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
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
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
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  },
});
