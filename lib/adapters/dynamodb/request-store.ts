import { GetCommand, UpdateCommand, type DocumentClient } from './document-client.js';
import * as z from 'zod';
import { ConflictError, NotFoundError } from '../../domain/errors.js';
import { checkNextVersion, RequestId } from '../../domain/request.js';
import { CursorTime, cursorCodec } from './cursor.js';
import { listInvited } from './invited-requests.js';
import { allRequestsKey, allRequestsPartition, counterKey, orgRequestsKey, orgRequestsPartition, requestKey } from './keys.js';
import { queryPage } from './query-page.js';
import { parseRequest, requestItem, requestUpdate } from './request-item.js';
import { TableWrite } from './table-write.js';
import type { RequestStore } from '../../services/ports/requests.js';
import { writeConflicts } from '../../services/ports/write-conflicts.js';

const requestsCursor = cursorCodec('requests', z.strictObject({ createdAt: CursorTime, requestId: RequestId }));

/** Requests: the request items themselves, their yearly number sequence and the lists by organisation and of all. */
export const dynamoRequestStore = (client: DocumentClient, tableName: () => string): RequestStore => ({
  async nextSequence(year) {
    const { Attributes } = await client.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: counterKey(year),
        UpdateExpression: 'ADD #sequence :one',
        ExpressionAttributeNames: { '#sequence': 'sequence' },
        ExpressionAttributeValues: { ':one': 1 },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    const sequence = Attributes?.sequence;
    if (typeof sequence !== 'number') throw new Error('the request counter returned no number');
    return sequence;
  },

  async get(requestId) {
    const { Item } = await client.send(new GetCommand({ TableName: tableName(), Key: requestKey(requestId) }));
    return Item ? parseRequest(Item) : undefined;
  },

  async list(scope, filter, limit, cursor) {
    if (scope.kind === 'invited') return listInvited(client, tableName(), scope.userId, filter, limit, cursor);
    const filters: string[] = [];
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    if (filter.status) {
      filters.push('#status = :status');
      names['#status'] = 'status';
      values[':status'] = filter.status;
    }
    if (filter.type) {
      filters.push('#type = :type');
      names['#type'] = 'type';
      values[':type'] = filter.type;
    }
    if (filter.titleContains) {
      filters.push('contains(titleSearch, :q)');
      values[':q'] = filter.titleContains;
    }
    const indexKey = (createdAt: string, requestId: string) =>
      scope.kind === 'org' ? orgRequestsKey(scope.orgId, createdAt, requestId) : allRequestsKey(createdAt, requestId);
    const [index, pkName, partition] =
      scope.kind === 'org' ? (['gsi1', 'gsi1pk', orgRequestsPartition(scope.orgId)] as const) : (['gsi3', 'gsi3pk', allRequestsPartition] as const);
    const at = cursor === undefined ? undefined : requestsCursor.decode(cursor);
    return queryPage(client, {
      input: {
        TableName: tableName(),
        IndexName: index,
        KeyConditionExpression: '#pk = :partition',
        ExpressionAttributeNames: { ...names, '#pk': pkName },
        ExpressionAttributeValues: { ...values, ':partition': partition },
        FilterExpression: filters.length ? filters.join(' AND ') : undefined,
        ScanIndexForward: false,
      },
      limit,
      parse: parseRequest,
      cursorAfter: (request) => requestsCursor.encode({ createdAt: request.createdAt, requestId: request.requestId }),
      start: at && { ...requestKey(at.requestId), ...indexKey(at.createdAt, at.requestId) },
    });
  },

  create: (request) =>
    new TableWrite(
      `request ${request.requestId}`,
      { Put: { TableName: tableName(), Item: requestItem(request), ConditionExpression: 'attribute_not_exists(pk)' } },
      () => writeConflicts.requestNumberTaken(request.requestId),
    ),

  update(before, after) {
    checkNextVersion(before, after);
    return new TableWrite(
      `request ${before.requestId}`,
      { Update: { TableName: tableName(), ...requestUpdate(before, after) } },
      () => writeConflicts.requestChanged(before.requestId),
    );
  },

  mustExist: (requestId) =>
    new TableWrite(
      `request ${requestId} exists`,
      { ConditionCheck: { TableName: tableName(), Key: requestKey(requestId), ConditionExpression: 'attribute_exists(pk)' } },
      () => new NotFoundError(`Request ${requestId}`),
    ),

  mustHaveStatus: (requestId, statuses) =>
    new TableWrite(
      `request ${requestId} is ${statuses.join(' or ')}`,
      {
        ConditionCheck: {
          TableName: tableName(),
          Key: requestKey(requestId),
          ConditionExpression: `#status IN (${statuses.map((_, i) => `:status${i}`).join(', ')})`,
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: Object.fromEntries(statuses.map((status, i) => [`:status${i}`, status])),
        },
      },
      () => new ConflictError(`Request ${requestId} is no longer ${statuses.join(' or ')}`, 'Reload the request to see its current status'),
    ),
});
