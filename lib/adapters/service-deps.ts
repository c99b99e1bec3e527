import { randomUUID } from 'node:crypto';
import { currentCorrelationId } from '../observability/correlation.js';
import type { ServiceDeps } from '../services/ports/deps.js';
import { clock } from './clock.js';
import { documentClient, tableName } from './dynamodb/document-client.js';
import { recentUsers } from './dynamodb/recent-users.js';
import { dynamoStores } from './dynamodb/stores.js';
import { businessMetrics } from './metrics.js';

/** The DynamoDB-backed dependencies every function needs, built once per cold start. */
const stores = dynamoStores(documentClient, tableName, recentUsers());
export const users = stores.users;

export const serviceDeps: ServiceDeps = {
  ...stores,
  now: () => clock.now(),
  newId: () => randomUUID(),
  correlationId: currentCorrelationId,
  metrics: businessMetrics,
};
