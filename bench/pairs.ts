import { GetCommand, QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { clientQueuePartition, orgRequestsPartition, requestKey, timelinePrefix } from '../lib/adapters/dynamodb/keys.js';
import { expectStatus, type ApiCaller } from './api.js';
import type { Pair } from './measure.js';
import { hopPairName } from './report.js';

export const pageSize = 25;

export interface PairTarget {
  caller: ApiCaller;
  documents: DynamoDBDocumentClient;
  tableName: string;
  orgId: string;
  /** The request read by `get request` and `timeline`: the one with the long timeline. */
  requestId: string;
  /** `/queue?limit=25`, or `/queue` while the route still refuses `limit`. */
  queuePath: string;
}

const found = (what: string, result: unknown) => {
  if (result === undefined || (Array.isArray(result) && result.length === 0)) throw new Error(`${what} found nothing`);
};

/** The four routes of the goal, each with the one raw DynamoDB Local call it is about. */
export const routePairs = ({ caller, documents, tableName, orgId, requestId, queuePath }: PairTarget): Pair[] => {
  const route = (path: string) => ({
    path,
    route: async () => void expectStatus(`GET ${path}`, await caller.call('GET', path), 200),
  });
  const query = (rawCall: string, input: Omit<QueryCommandInput, 'TableName'>) => ({
    rawCall,
    raw: async () => found(rawCall, (await documents.send(new QueryCommand({ TableName: tableName, ...input }))).Items),
  });
  return [
    {
      // Not a goal: what the HTTP hop to the local API alone costs (no DynamoDB call), next to one GetItem.
      name: hopPairName,
      ...route('/health'),
      rawCall: `GetItem ${requestKey(requestId).pk}`,
      raw: async () => found('GetItem', (await documents.send(new GetCommand({ TableName: tableName, Key: requestKey(requestId) }))).Item),
    },
    {
      name: 'get request',
      ...route(`/requests/${requestId}`),
      rawCall: `GetItem ${requestKey(requestId).pk}`,
      raw: async () => found('GetItem', (await documents.send(new GetCommand({ TableName: tableName, Key: requestKey(requestId) }))).Item),
    },
    {
      name: 'list',
      ...route(`/requests?limit=${pageSize}`),
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
      ...route(`/requests/${requestId}/timeline?limit=${pageSize}`),
      ...query(`Query ${requestKey(requestId).pk} begins_with(sk, '${timelinePrefix}'), Limit ${pageSize}`, {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': requestKey(requestId).pk, ':prefix': timelinePrefix },
        Limit: pageSize,
      }),
    },
    {
      name: 'queue first page',
      ...route(queuePath),
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
