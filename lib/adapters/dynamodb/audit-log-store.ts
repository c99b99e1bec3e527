import type { DocumentClient } from './document-client.js';
import * as z from 'zod';
import { AuditEntry } from '../../domain/audit.js';
import type { AuditLog } from '../../services/ports/people.js';
import { CursorTime, cursorCodec } from './cursor.js';
import { auditKey, auditPartition } from './keys.js';
import { queryPage } from './query-page.js';
import { TableWrite } from './table-write.js';

const logCursor = cursorCodec('audit-log', z.strictObject({ at: CursorTime, entryId: z.string().max(64) }));

/** Each organisation's log in its own partition (and the agency's), newest first. */
export const dynamoAuditLog = (client: DocumentClient, tableName: () => string): AuditLog => ({
  append: (entry) =>
    new TableWrite(`log of ${entry.scope}`, {
      Put: { TableName: tableName(), Item: { ...auditKey(entry.scope, entry.at, entry.entryId), entity: 'audit', ...entry }, ConditionExpression: 'attribute_not_exists(pk)' },
    }),
  page: (scope, limit, cursor) => {
    const at = cursor === undefined ? undefined : logCursor.decode(cursor);
    return queryPage(client, {
      input: {
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': auditPartition(scope) },
        ScanIndexForward: false,
      },
      limit,
      parse: (item) => AuditEntry.parse(item),
      cursorAfter: (entry) => logCursor.encode({ at: entry.at, entryId: entry.entryId }),
      start: at && auditKey(scope, at.at, at.entryId),
    });
  },
});
