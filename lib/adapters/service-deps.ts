import { randomUUID } from 'node:crypto';
import type { ServiceDeps } from '../services/deps.js';
import { documentClient, tableName } from './dynamodb/document-client.js';
import { dynamoCallerContext } from './dynamodb/caller-context.js';
import { dynamoOrganisationStore } from './dynamodb/organisations.js';
import { dynamoQueueStore } from './dynamodb/queues.js';
import { dynamoRequestStore } from './dynamodb/requests.js';
import { recentUsers } from './dynamodb/recent-users.js';
import { dynamoUserStore } from './dynamodb/users.js';

/** The DynamoDB-backed dependencies every request route needs, built once per cold start. */
const recent = recentUsers();
export const users = dynamoUserStore(documentClient, tableName, recent);

export const serviceDeps: ServiceDeps = {
  requests: dynamoRequestStore(documentClient, tableName),
  queues: dynamoQueueStore(documentClient, tableName),
  organisations: dynamoOrganisationStore(documentClient, tableName),
  users,
  callers: dynamoCallerContext(documentClient, tableName, recent),
  now: () => new Date(),
  newId: () => randomUUID(),
};
