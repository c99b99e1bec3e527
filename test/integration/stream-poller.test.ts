import { BatchWriteItemCommand, DeleteItemCommand, DynamoDBClient, PutItemCommand, UpdateItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, describe, expect, inject, it, vi } from 'vitest';
import type { Trigger } from '../../lib/lambda/definition.js';
import { localCredentials, localRegion } from '../../local/local-aws.js';
import { startStreamPollers, type StreamInvoke, type StreamPollerOptions, type StreamPollers } from '../../local/stream-poller.js';

/**
 * Pollers started here, in the test process, on the stack's own DynamoDB Local and table (the
 * stack's pollers read the same stream: a stream has room for several readers). The function is
 * one of the test's, listening for an entity no function of the table does, so that what is
 * written here reaches no real handler; its handler is the `invoke` given.
 */
const stack = inject('stack');
const dynamo = new DynamoDBClient({ endpoint: stack.dynamodbUrl, region: localRegion, credentials: localCredentials });
const entity = 'stream-probe';
const trigger: Trigger = { kind: 'table-stream', entities: [entity], events: ['INSERT'], batchSize: 25 };
/** How long a change may take to reach the handler here: the poll is 100 ms, a run on a busy machine slower. */
const deliveryBound = 5_000;

const running: StreamPollers[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((pollers) => pollers.stop()));
});
afterAll(() => dynamo.destroy());

const start = async (invoke: StreamInvoke, options: Partial<StreamPollerOptions> = {}) => {
  const lines: string[] = [];
  const pollers = await startStreamPollers({
    endpoint: stack.dynamodbUrl,
    tableName: stack.tableName,
    functions: [{ name: 'stream-probe', trigger }],
    invoke,
    log: (line) => lines.push(line),
    ...options,
  });
  running.push(pollers);
  return { pollers, lines };
};

/** A partition of the test's own, so what other tests write never gets in. */
const partition = () => `STREAMTEST#${randomUUID()}`;

const put = (pk: string, sk: string, attributes: Record<string, AttributeValue> = {}) =>
  dynamo.send(new PutItemCommand({ TableName: stack.tableName, Item: { pk: { S: pk }, sk: { S: sk }, entity: { S: entity }, ...attributes } }));

const skOf = (record: DynamoDBRecord) => record.dynamodb?.Keys?.sk?.S ?? '';

/** Each batch the handler was given, as the sort keys of the test's partition, and what it answered. */
const recorder = (pk: string, answer: (records: DynamoDBRecord[], batchNumber: number) => unknown = () => undefined) => {
  const batches: string[][] = [];
  const events: DynamoDBStreamEvent[] = [];
  const invoke: StreamInvoke = async (_name, event) => {
    const mine = event.Records.filter((record) => record.dynamodb?.Keys?.pk?.S === pk);
    if (mine.length === 0) return undefined;
    events.push(event);
    batches.push(mine.map(skOf));
    return answer(mine, batches.length);
  };
  return { batches, events, invoke, delivered: () => batches.flat() };
};

describe('the local table-stream pollers', () => {
  it('deliver an INSERT of a matching item within a bound, as Lambda shapes it', async () => {
    const pk = partition();
    const seen = recorder(pk);
    await start(seen.invoke);
    const putAt = performance.now();
    await put(pk, 'A', { body: { S: 'hello' }, digest: { B: new Uint8Array([1, 2, 3]) } });
    await vi.waitFor(() => expect(seen.delivered()).toEqual(['A']), { timeout: deliveryBound, interval: 10 });
    expect(performance.now() - putAt).toBeLessThan(deliveryBound);
    const [record] = seen.events[0]!.Records;
    expect(record).toMatchObject({
      eventName: 'INSERT',
      eventSource: 'aws:dynamodb',
      awsRegion: localRegion,
      eventSourceARN: expect.stringMatching(/^arn:aws:dynamodb:.*:table\/.+\/stream\//),
      dynamodb: {
        ApproximateCreationDateTime: expect.any(Number),
        Keys: { pk: { S: pk }, sk: { S: 'A' } },
        NewImage: { pk: { S: pk }, sk: { S: 'A' }, entity: { S: entity }, body: { S: 'hello' }, digest: { B: 'AQID' } },
        SequenceNumber: expect.stringMatching(/^\d+$/),
        SizeBytes: expect.any(Number),
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
    });
    expect(record!.eventID).toEqual(expect.any(String));
    expect(record!.dynamodb).not.toHaveProperty('OldImage');
    expect(Math.abs(record!.dynamodb!.ApproximateCreationDateTime! - Date.now() / 1000)).toBeLessThan(120);
  });

  it('deliver neither another entity nor a MODIFY or REMOVE of a matching one', async () => {
    const pk = partition();
    const seen = recorder(pk);
    await start(seen.invoke);
    await put(pk, 'A');
    await dynamo.send(new PutItemCommand({ TableName: stack.tableName, Item: { pk: { S: pk }, sk: { S: 'other' }, entity: { S: 'stream-probe-other' } } }));
    await put(pk, 'no-entity', { entity: { N: '1' } });
    await dynamo.send(
      new UpdateItemCommand({ TableName: stack.tableName, Key: { pk: { S: pk }, sk: { S: 'A' } }, UpdateExpression: 'SET body = :b', ExpressionAttributeValues: { ':b': { S: 'changed' } } }),
    );
    await dynamo.send(new DeleteItemCommand({ TableName: stack.tableName, Key: { pk: { S: pk }, sk: { S: 'A' } } }));
    // The last change of the shard: once it is delivered, every change before it was read.
    await put(pk, 'Z');
    await vi.waitFor(() => expect(seen.delivered()).toContain('Z'), { timeout: deliveryBound, interval: 10 });
    await running[0]!.idle();
    expect(seen.delivered()).toEqual(['A', 'Z']);
    // The INSERT of A came with its first image, untouched by the MODIFY after it.
    expect(seen.events[0]!.Records[0]!.dynamodb?.NewImage).not.toHaveProperty('body');
  });

  it('deliver a shard’s records in order, in batches of at most the batch size', async () => {
    const pk = partition();
    // A slow handler, so that records pile up behind a batch under way.
    const seen = recorder(pk, () => new Promise((resolve) => setTimeout(resolve, 30)));
    await start(seen.invoke, { functions: [{ name: 'stream-probe', trigger: { ...trigger, batchSize: 3 } }] });
    const sks = Array.from({ length: 12 }, (_, i) => `R${String(i).padStart(2, '0')}`);
    for (const sk of sks) await put(pk, sk);
    await vi.waitFor(() => expect(seen.delivered()).toHaveLength(sks.length), { timeout: deliveryBound, interval: 10 });
    await running[0]!.idle();
    expect(seen.delivered()).toEqual(sks);
    for (const batch of seen.batches) expect(batch.length).toBeLessThanOrEqual(3);
    expect(seen.batches.some((batch) => batch.length > 1)).toBe(true);
  });

  it('redeliver from the record a partial batch response names, not the ones before it', async () => {
    const pk = partition();
    let failedOnce = false;
    const seen = recorder(pk, (records) => {
      const b = records.find((record) => skOf(record) === 'B');
      if (!b || failedOnce) return { batchItemFailures: [] };
      failedOnce = true;
      return { batchItemFailures: [{ itemIdentifier: b.dynamodb!.SequenceNumber! }] };
    });
    const { lines } = await start(seen.invoke, { retry: { baseDelayMs: 20, maxDelayMs: 100 } });
    await dynamo.send(
      new BatchWriteItemCommand({
        RequestItems: {
          [stack.tableName]: ['A', 'B', 'C'].map((sk) => ({ PutRequest: { Item: { pk: { S: pk }, sk: { S: sk }, entity: { S: entity } } } })),
        },
      }),
    );
    await put(pk, 'D');
    await vi.waitFor(() => expect(seen.delivered()).toContain('D'), { timeout: deliveryBound, interval: 10 });
    await running[0]!.idle();

    const count = (sk: string) => seen.delivered().filter((delivered) => delivered === sk).length;
    const failing = seen.batches.findIndex((batch) => batch.includes('B'));
    // The batch after the one that failed at B starts at B: what came before B is not given again.
    expect(seen.batches[failing + 1]?.[0]).toBe('B');
    expect(count('A')).toBe(1);
    expect(count('B')).toBe(2);
    // What came after B was given again only if it was in the batch that failed.
    for (const sk of ['C', 'D']) expect(count(sk), sk).toBe(seen.batches[failing]!.includes(sk) ? 2 : 1);
    // In order, first deliveries and all.
    expect([...new Set(seen.delivered())]).toEqual(['A', 'B', 'C', 'D']);
    expect(lines.some((line) => /failed from record/.test(line))).toBe(true);
  });

  it('retry a throwing handler on the failing record alone, then give it up and move on', async () => {
    const pk = partition();
    const seen = recorder(pk, (records) => {
      if (records.some((record) => skOf(record) === 'X')) throw new Error('X cannot be handled');
      return undefined;
    });
    const { lines } = await start(seen.invoke, { retry: { attempts: 2, baseDelayMs: 10, maxDelayMs: 40 } });
    await put(pk, 'W');
    await put(pk, 'X');
    await put(pk, 'Y');
    await vi.waitFor(() => expect(seen.batches.at(-1)).toContain('Y'), { timeout: deliveryBound, interval: 10 });
    await running[0]!.idle();

    const withX = seen.batches.filter((batch) => batch.includes('X'));
    // Split down to X (bisectBatchOnError), then X alone: the first try and 2 retries.
    expect(withX.slice(-3)).toEqual([['X'], ['X'], ['X']]);
    expect(withX.slice(0, -3).every((batch) => batch.length > 1)).toBe(true);
    const givenUp = lines.filter((line) => /on-failure/.test(line));
    expect(givenUp).toHaveLength(1);
    expect(givenUp[0]).toContain(`"sk":{"S":"X"}`);
    // W before X went through once; Y after it went through, without X.
    expect(seen.batches.filter((batch) => batch.includes('W') && !batch.includes('X'))).toHaveLength(1);
    expect(seen.batches.at(-1)).not.toContain('X');
    expect([...new Set(seen.delivered())]).toEqual(['W', 'X', 'Y']);
  });

  it('stop promptly: nothing more is delivered to a stopped poller, and stopping again is harmless', async () => {
    const pk = partition();
    const stopped = recorder(pk);
    const still = recorder(pk);
    const first = await start(stopped.invoke);
    await start(still.invoke);
    await put(pk, 'before');
    await vi.waitFor(() => expect(stopped.delivered()).toEqual(['before']), { timeout: deliveryBound, interval: 10 });

    const stopping = performance.now();
    await first.pollers.stop();
    expect(performance.now() - stopping).toBeLessThan(1_000);
    await first.pollers.stop();
    await first.pollers.idle();

    await put(pk, 'after');
    // The poller still running sees it; the stopped one, reading the same shard, would have by then.
    await vi.waitFor(() => expect(still.delivered()).toEqual(['before', 'after']), { timeout: deliveryBound, interval: 10 });
    await running[1]!.idle();
    expect(stopped.delivered()).toEqual(['before']);
  });

});
