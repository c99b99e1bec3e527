import { GetCommand, type DocumentClient } from './document-client.js';
import * as z from 'zod';
import type { Request } from '../../domain/request.js';
import { TimelineEntry } from '../../domain/timeline-entry.js';
import { CursorId, CursorTime, cursorCodec } from './cursor.js';
import { requestKey, timelineKey, timelinePrefix } from './keys.js';
import { queryPage } from './query-page.js';
import { parseRequest } from './request-item.js';
import { TableWrite } from './table-write.js';
import type { TimelineStore } from '../../services/ports/requests.js';

const timelineCursor = cursorCodec('timeline', z.strictObject({ createdAt: CursorTime, entryId: CursorId }));
const cursorAfter = (entry: TimelineEntry) => timelineCursor.encode({ createdAt: entry.createdAt, entryId: entry.entryId });

/** A request's timeline: entries in its item collection, sorted by time; agency-only ones filtered for others. */
export const dynamoTimelineStore = (client: DocumentClient, tableName: () => string): TimelineStore => ({
  append: (entry) =>
    new TableWrite(`timeline entry ${entry.kind} of ${entry.requestId}`, {
      Put: { TableName: tableName(), Item: { ...timelineKey(entry.requestId, entry.createdAt, entry.entryId), entity: 'timeline', ...entry } },
    }),

  async get(requestId, createdAt, entryId) {
    const { Item } = await client.send(new GetCommand({ TableName: tableName(), Key: timelineKey(requestId, createdAt, entryId) }));
    return Item ? TimelineEntry.parse(Item) : undefined;
  },

  async page(requestId, includeAgencyOnly, limit, cursor) {
    const at = cursor === undefined ? undefined : timelineCursor.decode(cursor);
    return queryPage(client, {
      input: {
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': requestKey(requestId).pk, ':prefix': timelinePrefix, ...(includeAgencyOnly ? {} : { ':all': 'all' }) },
        FilterExpression: includeAgencyOnly ? undefined : 'visibility = :all',
        ScanIndexForward: true,
      },
      limit,
      parse: (item) => TimelineEntry.parse(item),
      cursorAfter,
      start: at && timelineKey(requestId, at.createdAt, at.entryId),
    });
  },

  async open(requestId, includeAgencyOnly, limit) {
    // The request item sorts right before its timeline ('REQ' < 'TL#'): one Query from it reads both.
    const key = requestKey(requestId);
    let request: Request | undefined;
    const page = await queryPage(client, {
      input: {
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND sk >= :request',
        ExpressionAttributeValues: { ':pk': key.pk, ':request': key.sk, ...(includeAgencyOnly ? {} : { ':all': 'all', ':requestEntity': 'request' }) },
        // A filter can't name the sort key: the request item is told by its entity.
        FilterExpression: includeAgencyOnly ? undefined : 'visibility = :all OR entity = :requestEntity',
        ScanIndexForward: true,
      },
      limit,
      besides: 1,
      parse: (item) => {
        if (item.sk === key.sk) {
          request = parseRequest(item);
          return undefined;
        }
        return typeof item.sk === 'string' && item.sk.startsWith(timelinePrefix) ? TimelineEntry.parse(item) : undefined;
      },
      cursorAfter,
    });
    return { ...page, request };
  },
});
