import { BatchGetCommand, type DocumentClient } from './document-client.js';
import { busy } from './sdk-errors.js';

export type ItemKey = { pk: string; sk: string };

export interface BatchRetry {
  /** Rounds of retrying unprocessed keys before giving up with a 503. */
  attempts: number;
  baseDelayMs: number;
  sleep: (ms: number) => Promise<void>;
}

const defaultRetry: BatchRetry = {
  attempts: 8,
  baseDelayMs: 25,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** DynamoDB's limit of keys in one BatchGetItem. */
const maxKeysPerBatch = 100;

const keyOf = (item: Record<string, unknown>) => `${String(item.pk)}\u0000${String(item.sk)}`;

/**
 * Reads items by key in one round trip (per 100 keys), in parallel inside DynamoDB. Keys it
 * leaves unprocessed under load are asked for again with exponential backoff and full jitter,
 * until every key is answered; only after `attempts` rounds does it give up with a 503, never
 * with a silently shorter answer. Returns the items found, by key; a missing item is absent.
 */
export const batchGet = async (
  client: DocumentClient,
  TableName: string,
  keys: readonly ItemKey[],
  retry: BatchRetry = defaultRetry,
): Promise<Map<string, Record<string, unknown>>> => {
  const found = new Map<string, Record<string, unknown>>();
  const unique = [...new Map(keys.map((key) => [keyOf(key), key])).values()];
  for (let i = 0; i < unique.length; i += maxKeysPerBatch) {
    let pending: Record<string, unknown>[] = unique.slice(i, i + maxKeysPerBatch);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 0) {
        if (attempt >= retry.attempts) throw busy(new Error(`${pending.length} keys still unprocessed after ${attempt} rounds`));
        await retry.sleep(Math.random() * retry.baseDelayMs * 2 ** attempt);
      }
      const { Responses, UnprocessedKeys } = await client.send(new BatchGetCommand({ RequestItems: { [TableName]: { Keys: pending } } }));
      for (const item of Responses?.[TableName] ?? []) found.set(keyOf(item), item);
      pending = UnprocessedKeys?.[TableName]?.Keys ?? [];
    }
  }
  return found;
};

/** The item of `key` in a batchGet answer. */
export const itemAt = (found: Map<string, Record<string, unknown>>, key: ItemKey) => found.get(keyOf(key));
