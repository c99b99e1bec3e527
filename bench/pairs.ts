import { GetCommand, QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { attachmentPrefix, clientQueuePartition, offerPrefix, orgRequestsPartition, requestKey, timelinePrefix, userKey } from '../lib/adapters/dynamodb/keys.js';
import { discussionRoutes } from '../lib/http/routes/discussion.js';
import { offerRoutes } from '../lib/http/routes/offers.js';
import { queueRoutes } from '../lib/http/routes/queues.js';
import { requestRoutes } from '../lib/http/routes/requests.js';
import { systemRoutes } from '../lib/http/routes/system.js';
import { expectStatus, type ApiCaller } from './api.js';
import type { Pair } from './measure.js';
import { hopPairName, queuePairName } from './report.js';

export const pageSize = 25;

export interface PairTarget {
  caller: ApiCaller;
  documents: DynamoDBDocumentClient;
  tableName: string;
  orgId: string;
  /** The caller's user id: `/me` reads its user item. */
  userId: string;
  /** The request read by `get request` and `timeline`: the one with the long timeline. */
  requestId: string;
  /** `/queue?limit=25`, or `/queue` while the route still refuses `limit`. */
  queuePath: string;
}

const found = (what: string, result: unknown) => {
  if (result === undefined || (Array.isArray(result) && result.length === 0)) throw new Error(`${what} found nothing`);
};

/**
 * The read routes, each with the one raw DynamoDB Local call it is about: the routes a person
 * meets most (the caller, the list, a request and what its page shows, the queue), and /health.
 */
export const routePairs = ({ caller, documents, tableName, orgId, userId, requestId, queuePath }: PairTarget): Pair[] => {
  const route = (route: { name: string }, path: string) => ({
    functionName: route.name,
    path,
    route: async () => void expectStatus(`GET ${path}`, await caller.call('GET', path), 200),
  });
  const getItem = (key: { pk: string; sk: string }) => ({
    rawCall: `GetItem ${key.pk} ${key.sk}`,
    raw: async () => found('GetItem', (await documents.send(new GetCommand({ TableName: tableName, Key: key }))).Item),
  });
  /** `empty`: the seeded request has none (no offers, no files), so an empty answer is the right one. */
  const query = (rawCall: string, input: Omit<QueryCommandInput, 'TableName'>, empty = false) => ({
    rawCall,
    raw: async () => {
      const { Items } = await documents.send(new QueryCommand({ TableName: tableName, ...input }));
      if (!empty) found(rawCall, Items);
    },
  });
  const requestPrefix = (prefix: string, limit?: number) => ({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': requestKey(requestId).pk, ':prefix': prefix },
    ...(limit === undefined ? {} : { Limit: limit }),
  });
  return [
    {
      // The floor's first hop: the HTTP call to the local API alone (no DynamoDB call), next to one GetItem.
      name: hopPairName,
      ...route(systemRoutes.health, '/health'),
      ...getItem(requestKey(requestId)),
    },
    { name: 'me', ...route(systemRoutes.getMe, '/me'), ...getItem(userKey(userId)) },
    { name: 'get request', ...route(requestRoutes.getRequest, `/requests/${requestId}`), ...getItem(requestKey(requestId)) },
    {
      name: 'list',
      ...route(requestRoutes.listRequests, `/requests?limit=${pageSize}`),
      ...query(`Query gsi1 ${orgRequestsPartition(orgId)}, newest first, Limit ${pageSize}`, {
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :partition',
        ExpressionAttributeValues: { ':partition': orgRequestsPartition(orgId) },
        ScanIndexForward: false,
        Limit: pageSize,
      }),
    },
    {
      name: 'timeline',
      ...route(discussionRoutes.listTimeline, `/requests/${requestId}/timeline?limit=${pageSize}`),
      ...query(`Query ${requestKey(requestId).pk} begins_with(sk, '${timelinePrefix}'), Limit ${pageSize}`, requestPrefix(timelinePrefix, pageSize)),
    },
    {
      name: 'offers',
      ...route(offerRoutes.listOffers, `/requests/${requestId}/offers`),
      ...query(`Query ${requestKey(requestId).pk} begins_with(sk, '${offerPrefix}')`, requestPrefix(offerPrefix), true),
    },
    {
      name: 'attachments',
      ...route(discussionRoutes.listAttachments, `/requests/${requestId}/attachments`),
      ...query(`Query ${requestKey(requestId).pk} begins_with(sk, '${attachmentPrefix}')`, requestPrefix(attachmentPrefix), true),
    },
    {
      name: queuePairName,
      ...route(queueRoutes.getQueue, queuePath),
      ...query(`Query gsi2 ${clientQueuePartition(orgId)}, Limit ${pageSize}`, {
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :partition',
        ExpressionAttributeValues: { ':partition': clientQueuePartition(orgId) },
        Limit: pageSize,
      }),
    },
  ];
};

const errorMessage = (text: string): string => {
  try {
    return String((JSON.parse(text) as { error: { message: unknown } }).error.message);
  } catch {
    return text.slice(0, 200);
  }
};

/**
 * `/queue?limit=25`; while the route still refuses `limit` as an unknown field (it is getting
 * paging now), `/queue` with a note saying so.
 */
export const chooseQueuePath = async (caller: ApiCaller): Promise<{ path: string; note?: string }> => {
  const paged = `/queue?limit=${pageSize}`;
  const answer = await caller.call('GET', paged);
  if (answer.status === 400 && answer.text.includes('limit')) {
    return { path: '/queue', note: `GET ${paged} is refused (400: ${errorMessage(answer.text)}), so GET /queue, the whole queue, is measured` };
  }
  expectStatus(`GET ${paged}`, answer, 200);
  return { path: paged };
};

/** How many items a route's answer holds (a page, a queue), to show what was measured. */
export const itemsInAnswer = async (caller: ApiCaller, pair: Pair): Promise<number | undefined> => {
  const body = JSON.parse(expectStatus(`GET ${pair.path}`, await caller.call('GET', pair.path), 200)) as { items?: unknown };
  return Array.isArray(body.items) ? body.items.length : undefined;
};
