import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { recentUsers } from '../../lib/adapters/dynamodb/recent-users.js';
import { dynamoStores } from '../../lib/adapters/dynamodb/stores.js';
import { noMetrics } from '../../lib/adapters/metrics.js';
import type { ServiceDeps } from '../../lib/services/ports/deps.js';
import { documents } from './fresh-organisation.js';

export interface SentCommand {
  name: string;
  /** How many actions a TransactWriteItems carried. */
  actions?: number;
  /** The Limit a Query asked for. */
  limit?: number;
}

/**
 * The services wired to the local DynamoDB exactly as the Lambda functions wire them, with every
 * DynamoDB call they make recorded: what a route costs is counted, not assumed.
 */
export const countedServices = () => {
  const docs = documents();
  const sent: SentCommand[] = [];
  docs.use((next) => async (operation, input) => {
    const { TransactItems, Limit } = input as { TransactItems?: unknown[]; Limit?: number };
    sent.push({
      // Named as the SDK named its commands.
      name: `${operation}Command`,
      ...(TransactItems ? { actions: TransactItems.length } : {}),
      ...(Limit !== undefined ? { limit: Limit } : {}),
    });
    return next(operation, input);
  });
  const tableName = () => inject('stack').tableName;
  const recent = recentUsers();
  const deps: ServiceDeps = { ...dynamoStores(docs, tableName, recent), now: () => new Date(), newId: () => randomUUID(), correlationId: () => undefined, metrics: noMetrics };
  return {
    deps,
    /** The commands sent while `work` ran. */
    async count<T>(work: () => Promise<T>): Promise<{ result: T; sent: SentCommand[] }> {
      sent.length = 0;
      const result = await work();
      return { result, sent: sent.splice(0) };
    },
  };
};
