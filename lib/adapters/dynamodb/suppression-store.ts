import { DeleteCommand, PutCommand, type DocumentClient } from './document-client.js';
import * as z from 'zod';
import type { Suppression, SuppressionStore } from '../../services/ports/mail.js';
import { cursorCodec, CursorTime } from './cursor.js';
import { suppressionKey, suppressionsIndexKey, suppressionsPartition } from './keys.js';
import { queryPage } from './query-page.js';

const SuppressionItem = z.object({ email: z.string(), reason: z.enum(['bounce', 'complaint']), at: z.iso.datetime(), detail: z.string().optional() });
export const parseSuppression = (item: Record<string, unknown>): Suppression => SuppressionItem.parse(item);

const listCursor = cursorCodec('suppressions', z.strictObject({ at: CursorTime, email: z.string().min(1).max(320) }));

/**
 * Addresses orderdesk no longer mails: a record beside the e-mail's lookup item, listed through
 * gsi1 by when it was suppressed. Records written before the listing existed carry no index keys:
 * they still suppress and lift by their key, but are listed only once recorded again.
 */
export const dynamoSuppressionStore = (client: DocumentClient, tableName: () => string): SuppressionStore => ({
  async suppress(suppression) {
    const email = suppression.email.toLowerCase();
    // The latest event wins: a complaint after a bounce is kept as the reason, and the record moves to the top of the list.
    await client.send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...suppressionKey(email), ...suppressionsIndexKey(suppression.at, email), entity: 'suppression', ...suppression, email },
      }),
    );
  },

  list: (limit, cursor, contains) => {
    const at = cursor === undefined ? undefined : listCursor.decode(cursor);
    return queryPage(client, {
      input: {
        TableName: tableName(),
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ScanIndexForward: false,
        // A contains-filter on the stored (lower-case) address: suppressed addresses are few, read in pages.
        ...(contains ? { FilterExpression: 'contains(#email, :q)', ExpressionAttributeNames: { '#email': 'email' } } : {}),
        ExpressionAttributeValues: { ':pk': suppressionsPartition, ...(contains ? { ':q': contains.toLowerCase() } : {}) },
      },
      limit,
      parse: parseSuppression,
      cursorAfter: (suppression) => listCursor.encode({ at: suppression.at, email: suppression.email }),
      start: at && { ...suppressionKey(at.email), ...suppressionsIndexKey(at.at, at.email) },
    });
  },

  async lift(email) {
    // Deleting the item takes its index keys with it: a lifted address leaves the list at once.
    const { Attributes } = await client.send(new DeleteCommand({ TableName: tableName(), Key: suppressionKey(email), ReturnValues: 'ALL_OLD' }));
    return Attributes ? parseSuppression(Attributes) : undefined;
  },
});
