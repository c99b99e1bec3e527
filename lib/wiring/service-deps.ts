import { randomUUID } from 'node:crypto';
import { currentCorrelationId } from '../observability/correlation.js';
import type { ServiceDeps } from '../services/ports/deps.js';
import { clock } from '../adapters/clock.js';
import { documentClient, tableName } from '../adapters/dynamodb/document-client.js';
import { recentUsers } from '../adapters/dynamodb/recent-users.js';
import { dynamoStores } from '../adapters/dynamodb/stores.js';
import { businessMetrics } from '../adapters/metrics.js';

/** The DynamoDB-backed dependencies every function needs, built once per cold start. */
const stores = dynamoStores(documentClient, tableName, recentUsers());
export const users = stores.users;
/** With what the agency's administration of organisations needs beside reading them. */
export const organisations = stores.organisations;

export const serviceDeps: ServiceDeps = {
  ...stores,
  now: () => clock.now(),
  newId: () => randomUUID(),
  correlationId: currentCorrelationId,
  metrics: businessMetrics,
};
