import {
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { ConflictError, NotFoundError } from '../../domain/errors.js';
import { isActive, terminalStatuses } from '../../domain/lifecycle.js';
import { Request, RequestId, searchText } from '../../domain/request.js';
import { entersWork, isReadyWork, leavesWork, readyAtAfter } from '../../domain/work-queue.js';
import { epochSeconds } from '../../domain/time.js';
import {
  Attachment,
  IdempotencyRace,
  Participant,
  TimelineEntry,
  type Idempotency,
  type ListScope,
  type Page,
  type RequestFilter,
  type RequestStore,
} from '../../services/ports.js';
import { batchGet, itemAt } from './batch-get.js';
import { CursorId, CursorTime, cursorCodec } from './cursor.js';
import { IdempotencyItem } from './item-schemas.js';
import {
  allRequestsKey,
  allRequestsPartition,
  attachmentItemKey,
  attachmentPrefix,
  clientQueueKey,
  counterKey,
  idempotencyKey,
  invitationKey,
  invitedPartition,
  orgKey,
  orgRequestsKey,
  orgRequestsPartition,
  participantKey,
  participantPrefix,
  requestKey,
  timelineKey,
  timelinePrefix,
  workQueueKey,
} from './keys.js';
import { queryAll } from './query-all.js';
import { queryPage } from './query-page.js';
import { readListed } from './stored-items.js';
import { entryPut as timelineEntryPut } from './timeline-item.js';
import { transact, type GuardedItem } from './transact.js';

const requestsCursor = cursorCodec('requests', z.strictObject({ createdAt: CursorTime, requestId: RequestId }));
const invitedCursor = cursorCodec('invited', z.strictObject({ invitedAt: CursorTime, requestId: RequestId }));
const timelineCursor = cursorCodec('timeline', z.strictObject({ createdAt: CursorTime, entryId: CursorId }));
const timelineCursorAfter = (entry: TimelineEntry) => timelineCursor.encode({ createdAt: entry.createdAt, entryId: entry.entryId });

/** What the list filter asks, for lists that can't filter in DynamoDB (a participant's, read by key). */
const matches = (request: Request, filter: RequestFilter) =>
  (!filter.status || request.status === filter.status) &&
  (!filter.type || request.type === filter.type) &&
  (!filter.titleContains || searchText(request.title).includes(filter.titleContains));

const conflict = (request: Request) =>
  new ConflictError(
    `Request ${request.requestId} changed while you were working on it`,
    'Reload the request to see its current status, then try again if the action still applies',
  );

export const dynamoRequestStore = (client: DynamoDBDocumentClient, tableName: () => string): RequestStore => {
  const TableName = () => tableName();

  const idempotencyPut = (idempotency: Idempotency & { answer: unknown }, now: number): GuardedItem => ({
    item: {
      Put: {
        TableName: TableName(),
        Item: {
          ...idempotencyKey(idempotency.recordId),
          entity: 'idempotency',
          fingerprint: idempotency.fingerprint,
          answer: JSON.stringify(idempotency.answer),
          expiresAt: idempotency.expiresAt,
        },
        // An expired record (TTL deletes late, DynamoDB Local never) counts as absent.
        ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
        ExpressionAttributeValues: { ':now': now },
      },
    },
    onConditionFailed: () => new IdempotencyRace(),
  });

  const entryPut = (entry: TimelineEntry) => timelineEntryPut(TableName(), entry);

  const requestItem = (request: Request) => ({
    ...requestKey(request.requestId),
    entity: 'request',
    ...orgRequestsKey(request.orgId, request.createdAt, request.requestId),
    ...allRequestsKey(request.createdAt, request.requestId),
    ...(request.rank && isActive(request.status) ? clientQueueKey(request.orgId, request.requestId, request.rank) : {}),
    ...(request.readyAt && isReadyWork(request.status) ? workQueueKey(request.requestId, request.readyAt) : {}),
    titleSearch: searchText(request.title),
    ...request,
  });

  const parseRequest = (item: Record<string, unknown>) => Request.parse(item);

  return {
    async nextSequence(year) {
      const { Attributes } = await client.send(
        new UpdateCommand({
          TableName: TableName(),
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

    async organisationExists(orgId) {
      const { Item } = await client.send(new GetCommand({ TableName: TableName(), Key: orgKey(orgId), ProjectionExpression: 'pk' }));
      return Item !== undefined;
    },

    async getRequest(requestId) {
      const { Item } = await client.send(new GetCommand({ TableName: TableName(), Key: requestKey(requestId) }));
      return Item ? parseRequest(Item) : undefined;
    },

    async isParticipant(requestId, userId) {
      const { Item } = await client.send(new GetCommand({ TableName: TableName(), Key: participantKey(requestId, userId), ProjectionExpression: 'pk' }));
      return Item !== undefined;
    },

    async createRequest(request, entry, idempotency) {
      await transact(client, [
        {
          item: { Put: { TableName: TableName(), Item: requestItem(request), ConditionExpression: 'attribute_not_exists(pk)' } },
          onConditionFailed: () => new ConflictError(`Request number ${request.requestId} is taken`, 'Send the request again'),
        },
        entryPut(entry),
        ...(idempotency ? [idempotencyPut(idempotency, epochSeconds(new Date(entry.createdAt)))] : []),
      ]);
    },

    async changeStatus(request, to, updatedAt, entry) {
      const readyAt = readyAtAfter(request.status, to, updatedAt, request.readyAt);
      const leavesQueue = isActive(request.status) && !isActive(to);
      const next: Request = { ...request, status: to, version: request.version + 1, updatedAt, readyAt, rank: leavesQueue ? undefined : request.rank };
      // Queue membership follows the status: finishing leaves the client's queue, entering or
      // leaving ready work adds or removes the work-queue keys. Rank moves don't bump the version,
      // so a client reordering never makes an agent's status change fail.
      const set = ['#status = :to', '#version = :next', 'updatedAt = :now'];
      const remove: string[] = [];
      const values: Record<string, unknown> = { ':to': to, ':from': request.status, ':version': request.version, ':next': next.version, ':now': updatedAt };
      if (leavesQueue) remove.push('gsi2pk', 'gsi2sk', '#rank');
      if (entersWork(request.status, to) && readyAt) {
        const { gsi4pk, gsi4sk } = workQueueKey(request.requestId, readyAt);
        set.push('readyAt = :readyAt', 'gsi4pk = :gsi4pk', 'gsi4sk = :gsi4sk');
        Object.assign(values, { ':readyAt': readyAt, ':gsi4pk': gsi4pk, ':gsi4sk': gsi4sk });
      }
      if (leavesWork(request.status, to)) remove.push('gsi4pk', 'gsi4sk');
      await transact(client, [
        {
          item: {
            Update: {
              TableName: TableName(),
              Key: requestKey(request.requestId),
              UpdateExpression: `SET ${set.join(', ')}${remove.length ? ` REMOVE ${remove.join(', ')}` : ''}`,
              ConditionExpression: '#status = :from AND #version = :version',
              ExpressionAttributeNames: { '#status': 'status', '#version': 'version', ...(leavesQueue ? { '#rank': 'rank' } : {}) },
              ExpressionAttributeValues: values,
            },
          },
          onConditionFailed: () => conflict(request),
        },
        entryPut(entry),
      ]);
      return next;
    },

    async assign(request, assigneeId, entry) {
      const finished = [...terminalStatuses].map((status, i) => [`:finished${i}`, status] as const);
      const values: Record<string, unknown> = Object.fromEntries(finished);
      if (request.assigneeId) values[':previous'] = request.assigneeId;
      if (assigneeId) values[':assignee'] = assigneeId;
      await transact(client, [
        {
          item: {
            Update: {
              TableName: TableName(),
              Key: requestKey(request.requestId),
              UpdateExpression: assigneeId ? 'SET assigneeId = :assignee' : 'REMOVE assigneeId',
              ConditionExpression: `${request.assigneeId ? 'assigneeId = :previous' : 'attribute_not_exists(assigneeId)'} AND NOT #status IN (${finished.map(([name]) => name).join(', ')})`,
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: values,
            },
          },
          onConditionFailed: () =>
            new ConflictError(`Request ${request.requestId} was assigned or finished while you were assigning it`, 'Reload the request and assign it again if still needed'),
        },
        entryPut(entry),
      ]);
      const { assigneeId: _previous, ...rest } = request;
      return assigneeId ? { ...rest, assigneeId } : rest;
    },

    async listRequests(scope: ListScope, filter, limit, cursor) {
      if (scope.kind === 'invited') return listInvited(scope.userId, filter, limit, cursor);
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
          TableName: TableName(),
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

    async addEntry(entry, idempotency) {
      const TableNameValue = TableName();
      const attachmentChecks: GuardedItem[] = (entry.attachmentIds ?? []).map((attachmentId) => ({
        item: {
          ConditionCheck: {
            TableName: TableNameValue,
            Key: attachmentItemKey(entry.requestId, attachmentId),
            ConditionExpression: '#status = :uploaded',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':uploaded': 'uploaded' },
          },
        },
        onConditionFailed: () => new NotFoundError(`Uploaded attachment ${attachmentId}`),
      }));
      await transact(client, [
        {
          item: { ConditionCheck: { TableName: TableNameValue, Key: requestKey(entry.requestId), ConditionExpression: 'attribute_exists(pk)' } },
          onConditionFailed: () => new NotFoundError(`Request ${entry.requestId}`),
        },
        entryPut(entry),
        ...attachmentChecks,
        ...(idempotency ? [idempotencyPut(idempotency, epochSeconds(new Date(entry.createdAt)))] : []),
      ]);
    },

    async listTimeline(requestId, includeAgencyOnly, limit, cursor) {
      const at = cursor === undefined ? undefined : timelineCursor.decode(cursor);
      return queryPage(client, {
        input: {
          TableName: TableName(),
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': requestKey(requestId).pk, ':prefix': timelinePrefix, ...(includeAgencyOnly ? {} : { ':all': 'all' }) },
          FilterExpression: includeAgencyOnly ? undefined : 'visibility = :all',
          ScanIndexForward: true,
        },
        limit,
        parse: (item) => TimelineEntry.parse(item),
        cursorAfter: timelineCursorAfter,
        start: at && timelineKey(requestId, at.createdAt, at.entryId),
      });
    },

    async openTimeline(requestId, includeAgencyOnly, limit) {
      // The request item sorts right before its timeline ('REQ' < 'TL#'): one Query from it reads both.
      const key = requestKey(requestId);
      let request: Request | undefined;
      const page = await queryPage(client, {
        input: {
          TableName: TableName(),
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
        cursorAfter: timelineCursorAfter,
      });
      return { ...page, request };
    },

    async findIdempotentAnswer(recordId, now) {
      const { Item } = await client.send(new GetCommand({ TableName: TableName(), Key: idempotencyKey(recordId), ConsistentRead: true }));
      const record = Item ? IdempotencyItem.parse(Item) : undefined;
      if (!record || record.expiresAt < epochSeconds(now)) return undefined;
      return { fingerprint: record.fingerprint, body: JSON.parse(record.answer) as unknown };
    },

    async putAttachment(attachment) {
      await client.send(
        new PutCommand({
          TableName: TableName(),
          Item: { ...attachmentItemKey(attachment.requestId, attachment.attachmentId), entity: 'attachment', ...attachment },
        }),
      );
    },

    async getAttachment(requestId, attachmentId) {
      const { Item } = await client.send(new GetCommand({ TableName: TableName(), Key: attachmentItemKey(requestId, attachmentId) }));
      return Item ? Attachment.parse(Item) : undefined;
    },

    async confirmAttachment(attachment, now, entry) {
      await transact(client, [
        {
          item: {
            Update: {
              TableName: TableName(),
              Key: attachmentItemKey(attachment.requestId, attachment.attachmentId),
              UpdateExpression: 'SET #status = :uploaded REMOVE expiresAt',
              ConditionExpression: '#status = :pending AND expiresAt > :now',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':uploaded': 'uploaded', ':pending': 'pending', ':now': epochSeconds(now) },
            },
          },
          onConditionFailed: () =>
            new ConflictError('This upload was already confirmed or has expired', 'List the attachments; if it is not there, ask for a new upload'),
        },
        entryPut(entry),
      ]);
      const { expiresAt: _expired, ...uploaded } = attachment;
      return { ...uploaded, status: 'uploaded' };
    },

    async listAttachments(requestId) {
      const attachments = await queryAll(
        client,
        {
          TableName: TableName(),
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': requestKey(requestId).pk, ':prefix': attachmentPrefix },
        },
        (item) => Attachment.parse(item),
      );
      return attachments.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },

    async addParticipant(participant, entry) {
      await transact(client, [
        {
          item: { ConditionCheck: { TableName: TableName(), Key: requestKey(participant.requestId), ConditionExpression: 'attribute_exists(pk)' } },
          onConditionFailed: () => new NotFoundError(`Request ${participant.requestId}`),
        },
        {
          item: {
            Put: {
              TableName: TableName(),
              Item: {
                ...participantKey(participant.requestId, participant.userId),
                entity: 'participant',
                ...invitationKey(participant.userId, participant.invitedAt, participant.requestId),
                ...participant,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          onConditionFailed: () => new ConflictError(`${participant.email} is already invited to this request`, 'Nothing to do: they can see it'),
        },
        entryPut(entry),
      ]);
    },

    async listParticipants(requestId) {
      const participants = await queryAll(
        client,
        {
          TableName: TableName(),
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': requestKey(requestId).pk, ':prefix': participantPrefix },
        },
        (item) => Participant.parse(item),
      );
      return participants.sort((a, b) => a.invitedAt.localeCompare(b.invitedAt));
    },

    async removeParticipant(requestId, userId, entry) {
      await transact(client, [
        {
          item: { Delete: { TableName: TableName(), Key: participantKey(requestId, userId), ConditionExpression: 'attribute_exists(pk)' } },
          onConditionFailed: () => new NotFoundError(`Participant ${userId}`),
        },
        entryPut(entry),
      ]);
    },
  };

  /**
   * A participant's list: their invitations newest first, each page's requests fetched in one
   * batch and filtered here (the filter is on the request items), reading on until the page is
   * full or the invitations end, so a page is never short while more follow.
   */
  async function listInvited(userId: string, filter: RequestFilter, limit: number, cursor?: string): Promise<Page<Request>> {
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
          TableName: TableName(),
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :partition',
          ExpressionAttributeValues: { ':partition': invitedPartition(userId) },
          ScanIndexForward: false,
          ExclusiveStartKey: start,
          Limit: filtered ? Math.max(missing, 25) : missing,
        }),
      );
      const invitations = (page.Items ?? []).map(readListed((item) => Participant.parse(item))).filter((p) => p !== undefined);
      const requests = await batchGet(client, TableName(), invitations.map((p) => requestKey(p.requestId)));
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
  }
};
