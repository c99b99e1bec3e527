import { randomUUID } from 'node:crypto';
import type { ServiceDeps } from '../services/deps.js';
import { documentClient, tableName } from './dynamodb/document-client.js';
import { dynamoRequestStore } from './dynamodb/requests.js';
import { dynamoUserStore } from './dynamodb/users.js';

/** The DynamoDB-backed dependencies every request route needs, built once per cold start. */
export const users = dynamoUserStore(documentClient, tableName);

export const serviceDeps: ServiceDeps = {
  requests: dynamoRequestStore(documentClient, tableName),
  users,
  now: () => new Date(),
  newId: () => randomUUID(),
};
