import { QueryCommand, type DocumentClient } from './document-client.js';
import * as z from 'zod';
import { Participant } from '../../domain/participant.js';
import { RequestId, searchText, type Request } from '../../domain/request.js';
import type { Page } from '../../services/ports/common.js';
import { batchGet, itemAt } from './batch-get.js';
import { CursorTime, cursorCodec } from './cursor.js';
import { invitationKey, invitedPartition, participantKey, requestKey } from './keys.js';
import { parseRequest } from './request-item.js';
import { readListed } from './stored-items.js';
import type { RequestFilter } from '../../services/ports/requests.js';

const invitedCursor = cursorCodec('invited', z.strictObject({ invitedAt: CursorTime, requestId: RequestId }));

/** What the list filter asks, for a list that can't filter in DynamoDB (read by key). */
const matches = (request: Request, filter: RequestFilter) =>
  (!filter.status || request.status === filter.status) &&
  (!filter.type || request.type === filter.type) &&
  (!filter.titleContains || searchText(request.title).includes(filter.titleContains));

/**
 * A participant's list: their invitations newest first, each page's requests fetched in one
 * batch and filtered here (the filter is on the request items), reading on until the page is
 * full or the invitations end, so a page is never short while more follow.
 */
export const listInvited = async (
  client: DocumentClient,
  TableName: string,
  userId: string,
  filter: RequestFilter,
  limit: number,
  cursor?: string,
): Promise<Page<Request>> => {
  const at = cursor === undefined ? undefined : invitedCursor.decode(cursor);
  const filtered = Boolean(filter.status || filter.type || filter.titleContains);
  const wanted = limit + 1;
  const found: { request: Request; invitedAt: string }[] = [];
  const readRequest = readListed(parseRequest);
  let start: Record<string, unknown> | undefined = at && { ...participantKey(at.requestId, userId), ...invitationKey(userId, at.invitedAt, at.requestId) };
  do {
    const missing = wanted - found.length;
    const page = await client.send(
      new QueryCommand({
        TableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :partition',
        ExpressionAttributeValues: { ':partition': invitedPartition(userId) },
        ScanIndexForward: false,
        ExclusiveStartKey: start,
        Limit: filtered ? Math.max(missing, 25) : missing,
      }),
    );
    const invitations = (page.Items ?? []).map(readListed((item) => Participant.parse(item))).filter((p) => p !== undefined);
    const requests = await batchGet(client, TableName, invitations.map((p) => requestKey(p.requestId)));
    for (const invitation of invitations) {
      const item = itemAt(requests, requestKey(invitation.requestId));
      const request = item && readRequest(item);
      if (!request || !matches(request, filter)) continue;
      found.push({ request, invitedAt: invitation.invitedAt });
      if (found.length === wanted) {
        const last = found[limit - 1]!;
        return {
          items: found.slice(0, limit).map((f) => f.request),
          nextCursor: invitedCursor.encode({ invitedAt: last.invitedAt, requestId: last.request.requestId }),
        };
      }
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return { items: found.map((f) => f.request) };
};
