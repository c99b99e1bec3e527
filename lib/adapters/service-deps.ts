import { randomUUID } from 'node:crypto';
import type { ServiceDeps } from '../services/deps.js';
import { documentClient, tableName } from './dynamodb/document-client.js';
import { dynamoOrganisationStore } from './dynamodb/organisations.js';
import { dynamoQueueStore } from './dynamodb/queues.js';
import { dynamoRequestStore } from './dynamodb/requests.js';
import { dynamoUserStore } from './dynamodb/users.js';

/** The DynamoDB-backed dependencies every request route needs, built once per cold start. */
export const users = dynamoUserStore(documentClient, tableName);

export const serviceDeps: ServiceDeps = {
  requests: dynamoRequestStore(documentClient, tableName),
  queues: dynamoQueueStore(documentClient, tableName),
  organisations: dynamoOrganisationStore(documentClient, tableName),
  users,
  now: () => new Date(),
  newId: () => randomUUID(),
};
