import { DeleteCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import type { Suppression, SuppressionStore } from '../../services/ports/mail.js';
import { suppressionKey } from './keys.js';

const SuppressionItem = z.object({ email: z.string(), reason: z.enum(['bounce', 'complaint']), at: z.iso.datetime(), detail: z.string().optional() });
export const parseSuppression = (item: Record<string, unknown>): Suppression => SuppressionItem.parse(item);

/** Addresses orderdesk no longer mails: a record beside the e-mail's lookup item. */
export const dynamoSuppressionStore = (client: DynamoDBDocumentClient, tableName: () => string): SuppressionStore => ({
  async suppress(suppression) {
    // The latest event wins: a complaint after a bounce is kept as the reason.
    await client.send(
      new PutCommand({ TableName: tableName(), Item: { ...suppressionKey(suppression.email), entity: 'suppression', ...suppression, email: suppression.email.toLowerCase() } }),
    );
  },

  async lift(email) {
    const { Attributes } = await client.send(new DeleteCommand({ TableName: tableName(), Key: suppressionKey(email), ReturnValues: 'ALL_OLD' }));
    return Attributes ? parseSuppression(Attributes) : undefined;
  },
});
