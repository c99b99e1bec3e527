import { describe, expect, it } from 'vitest';
import { batchGet, itemAt } from '../../../lib/adapters/dynamodb/batch-get.js';
import type { BatchGetCommand, DocumentClient } from '../../../lib/adapters/dynamodb/document-client.js';
import { ServiceBusyError } from '../../../lib/domain/errors.js';

type Key = { pk: string; sk: string };

/** A stand-in for DynamoDB under load: each round it answers only `perRound` keys and leaves the rest unprocessed. */
const throttledTable = (items: Key[], perRound: number) => {
  const calls: Key[][] = [];
  const client = {
    send: async (command: BatchGetCommand) => {
      const keys = (command.input.RequestItems?.t?.Keys ?? []) as Key[];
      calls.push(keys);
      const answered = keys.slice(0, perRound);
      const found = answered.flatMap((key) => items.filter((item) => item.pk === key.pk && item.sk === key.sk).map((item) => ({ ...item, found: true })));
      const rest = keys.slice(perRound);
      return { Responses: { t: found }, UnprocessedKeys: rest.length ? { t: { Keys: rest } } : {} };
    },
  };
  return { client: client as unknown as DocumentClient, calls };
};

const key = (i: number): Key => ({ pk: `REQ#${i}`, sk: 'REQ' });

describe('batchGet', () => {
  it('asks again for unprocessed keys, with growing delays, until every key is answered', async () => {
    const items = [key(1), key(2), key(3), key(5)];
    const { client, calls } = throttledTable(items, 2);
    const delays: number[] = [];
    const found = await batchGet(client, 't', [key(1), key(2), key(3), key(4), key(5)], {
      attempts: 8,
      baseDelayMs: 100,
      sleep: async (ms) => void delays.push(ms),
    });
    expect(calls.map((keys) => keys.length)).toEqual([5, 3, 1]);
    expect([1, 2, 3, 5].map((i) => itemAt(found, key(i))?.found)).toEqual([true, true, true, true]);
    expect(itemAt(found, key(4))).toBeUndefined();
    // Full jitter below an exponential ceiling: 200 ms, then 400 ms.
    expect(delays).toHaveLength(2);
    expect(delays[0]).toBeLessThanOrEqual(200);
    expect(delays[1]).toBeLessThanOrEqual(400);
  });

  it('gives up with a 503 (never a shorter answer) when keys stay unprocessed', async () => {
    const { client, calls } = throttledTable([key(1)], 0);
    await expect(batchGet(client, 't', [key(1)], { attempts: 3, baseDelayMs: 1, sleep: async () => undefined })).rejects.toBeInstanceOf(ServiceBusyError);
    expect(calls).toHaveLength(3);
  });

  it('reads more than 100 keys in batches of 100, each key once', async () => {
    const keys = Array.from({ length: 230 }, (_, i) => key(i));
    const { client, calls } = throttledTable(keys, 100);
    const found = await batchGet(client, 't', [...keys, key(0)], { attempts: 2, baseDelayMs: 1, sleep: async () => undefined });
    expect(calls.map((c) => c.length)).toEqual([100, 100, 30]);
    expect(found.size).toBe(230);
  });
});
