import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  ResourceNotFoundException,
  TrimmedDataAccessException,
  type Shard,
  type ShardIteratorType,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FunctionDefinition } from '../lib/lambda/definition.js';
import { matchesStreamFilter } from '../lib/lambda/stream-filter.js';
import { localFunctions, timeoutError } from './handler-module.js';
import { localCredentials, localRegion } from './local-aws.js';
import { retryFrom, toLambdaRecord } from './stream-records.js';

/** Invokes a function with a batch; what it returns is its answer, what it throws fails the batch. */
export type StreamInvoke = (functionName: string, event: DynamoDBStreamEvent) => Promise<unknown>;

export interface StreamPollerOptions {
  /** DynamoDB Local, which serves the Streams API on the same endpoint. */
  endpoint: string;
  region?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  tableName: string;
  /** The function table; only its table-stream entries are polled for. */
  functions: readonly Pick<FunctionDefinition, 'name' | 'trigger'>[];
  /** By default each function's module runs in this process as in Lambda (see handler-module.ts). */
  invoke?: StreamInvoke;
  log: (line: string) => void;
  /** How long a shard that had nothing new waits before asking again. */
  pollIntervalMs?: number;
  /** How often the stream is described again for new shards. */
  describeIntervalMs?: number;
  /** Retries of a failing record: `attempts` after the first, backing off from `baseDelayMs` to `maxDelayMs`. */
  retry?: { attempts?: number; baseDelayMs?: number; maxDelayMs?: number };
}

export interface StreamPollers {
  /** Ends every loop (an invocation under way is no longer waited for) and closes the clients. */
  stop(): Promise<void>;
  /** Resolves once each shard reader has found nothing new in a read begun after the call, with nothing left to deliver. */
  idle(): Promise<void>;
}

interface Consumer {
  functionName: string;
  shardId: string;
  /** GetRecords calls begun. */
  polls: number;
  /** The last of them that found nothing new, with nothing left to deliver. */
  quietPoll: number;
  finished: boolean;
  done: Promise<void>;
}

const isAbort = (error: unknown) => error instanceof Error && error.name === 'AbortError';

const message = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

/** The local counterpart of the default invocation: the function's own module, with its timeout. */
const localInvoke = (): StreamInvoke => {
  const run = localFunctions();
  return async (name, event) => {
    const outcome = await run(name, event);
    if (outcome.timedOut) throw timeoutError();
    return outcome.result;
  };
};

/**
 * Lambda's event source mappings for the table-stream entries of the function table, against
 * DynamoDB Local's stream: each function reads each shard on its own, from the end of the stream
 * as it is when the pollers start (`StartingPosition.LATEST`) and shards that appear afterwards
 * from their beginning, a child only after its parent is read to its end. Records its trigger's
 * filter lets through go to it in order, in batches of up to `batchSize`, one batch at a time per
 * shard. A partial batch response has the records from the first failure on retried, with
 * backoff; a handler that throws fails the whole batch, which is split in two
 * (`bisectBatchOnError`) down to the failing record. After the retries, the records are logged as
 * given up (the on-failure destination) and the shard moves on.
 */
export const startStreamPollers = async (options: StreamPollerOptions): Promise<StreamPollers> => {
  const functions = options.functions.flatMap((entry) => (entry.trigger.kind === 'table-stream' ? [{ name: entry.name, trigger: entry.trigger }] : []));
  if (functions.length === 0) return { stop: async () => undefined, idle: async () => undefined };

  const { log, tableName } = options;
  const pollIntervalMs = options.pollIntervalMs ?? 100;
  const describeIntervalMs = options.describeIntervalMs ?? 1000;
  const maxRetries = options.retry?.attempts ?? 10;
  const baseDelayMs = options.retry?.baseDelayMs ?? 200;
  const maxDelayMs = options.retry?.maxDelayMs ?? 5000;
  const awsRegion = options.region ?? localRegion;
  const clientConfig = { endpoint: options.endpoint, region: awsRegion, credentials: options.credentials ?? localCredentials };
  const invoke = options.invoke ?? localInvoke();

  const aborter = new AbortController();
  const { signal } = aborter;
  const pause = (ms: number) => sleep(ms, undefined, { signal }).catch(() => undefined);
  /** Settles with the promise, or rejects with an AbortError as soon as the pollers stop. */
  const unlessStopped = <T>(promise: Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      const onAbort = () => reject(Object.assign(new Error('stopped'), { name: 'AbortError' }));
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });

  const dynamodb = new DynamoDBClient(clientConfig);
  let streamArn: string | undefined;
  try {
    const { Table } = await dynamodb.send(new DescribeTableCommand({ TableName: tableName }));
    if (Table?.StreamSpecification?.StreamEnabled) streamArn = Table.LatestStreamArn;
  } finally {
    dynamodb.destroy();
  }
  if (!streamArn) throw new Error(`The table ${tableName} has no stream for ${functions.map((f) => f.name).join(', ')} to read`);
  const eventSourceARN = streamArn;

  const streams = new DynamoDBStreamsClient(clientConfig);
  const consumers: Consumer[] = [];
  const waiters = new Set<() => void>();
  const changed = () => waiters.forEach((check) => check());
  /** Shards seen so far, and for each the readers of it (none for one that was closed at the start). */
  const shards = new Map<string, Promise<void>[]>();

  const allShards = async () => {
    const found: Shard[] = [];
    let from: string | undefined;
    do {
      const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: eventSourceARN, ExclusiveStartShardId: from }), { abortSignal: signal });
      found.push(...(StreamDescription?.Shards ?? []));
      from = StreamDescription?.LastEvaluatedShardId;
    } while (from);
    return found;
  };

  const iteratorOf = async (shardId: string, type: ShardIteratorType, sequenceNumber?: string) =>
    (
      await streams.send(
        new GetShardIteratorCommand({ StreamArn: eventSourceARN, ShardId: shardId, ShardIteratorType: type, SequenceNumber: sequenceNumber }),
        { abortSignal: signal },
      )
    ).ShardIterator;

  /** Delivers a batch; answers how many records of it are done with (delivered or given up), 0 to retry it. */
  const deliverer = (fn: (typeof functions)[number]) => {
    let failures = 0;
    let limit = fn.trigger.batchSize;
    return async (pending: DynamoDBRecord[]): Promise<number> => {
      const batch = pending.slice(0, limit);
      const started = performance.now();
      let from: number | undefined;
      let threw: unknown;
      try {
        // A copy each time, as Lambda's is parsed from JSON: what a handler changes is not redelivered.
        from = retryFrom(await unlessStopped(invoke(fn.name, structuredClone({ Records: batch }))), batch);
      } catch (error) {
        if (signal.aborted) throw error;
        threw = error;
        from = 0;
      }
      const took = `${(performance.now() - started).toFixed(0)} ms`;
      if (from === undefined) {
        log(`stream ${fn.name}: ${batch.length} records ok ${took}`);
        failures = 0;
        limit = fn.trigger.batchSize;
        return batch.length;
      }
      if (from > 0) failures = 0;
      log(`stream ${fn.name}: ${batch.length} records, ${threw === undefined ? `failed from record ${from + 1}` : `threw ${message(threw)}`} ${took}`);
      if (threw !== undefined && batch.length > 1) {
        // bisectBatchOnError: the first half alone next, which does not count as a retry.
        limit = Math.ceil(batch.length / 2);
        await pause(baseDelayMs);
        return 0;
      }
      failures += 1;
      if (failures > maxRetries) {
        const given = batch.slice(from);
        const keys = given.map((record) => `${record.dynamodb?.SequenceNumber} ${JSON.stringify(record.dynamodb?.Keys)}`);
        log(`stream ${fn.name}: on-failure, gave up on ${given.length} records after ${failures} attempts: ${keys.join(', ')}`);
        failures = 0;
        limit = fn.trigger.batchSize;
        return batch.length;
      }
      await pause(Math.min(baseDelayMs * 2 ** (failures - 1), maxDelayMs));
      return from;
    };
  };

  /**
   * One function's reader of one shard: in order, one batch at a time. It starts from `iterator`
   * if given (taken at the start, at the end of the shard), else from `startType` once `after`
   * (the parent shard's readers) is done.
   */
  const consume = (fn: (typeof functions)[number], shardId: string, startType: ShardIteratorType, iterator: string | undefined, after: Promise<unknown>) => {
    const consumer: Consumer = { functionName: fn.name, shardId, polls: 0, quietPoll: 0, finished: false, done: Promise.resolve() };
    consumers.push(consumer);
    consumer.done = (async () => {
      await after;
      /** Where to take a new iterator from, when the reader has none to go on with. */
      let position: [ShardIteratorType, string?] | undefined = iterator === undefined ? [startType] : undefined;
      let lastSequenceNumber: string | undefined;
      const pending: DynamoDBRecord[] = [];
      const deliver = deliverer(fn);
      let erring = false;
      while (!signal.aborted) {
        try {
          if (pending.length > 0) {
            pending.splice(0, await deliver(pending));
            continue;
          }
          if (position) {
            iterator = await iteratorOf(shardId, ...position);
            position = undefined;
          }
          if (!iterator) break; // a closed shard, read to its end
          const poll = ++consumer.polls;
          const { Records = [], NextShardIterator } = await streams.send(new GetRecordsCommand({ ShardIterator: iterator }), { abortSignal: signal });
          iterator = NextShardIterator;
          erring = false;
          for (const record of Records) {
            lastSequenceNumber = record.dynamodb?.SequenceNumber ?? lastSequenceNumber;
            const converted = toLambdaRecord(record, { eventSourceARN, awsRegion });
            if (matchesStreamFilter(fn.trigger, converted)) pending.push(converted);
          }
          if (Records.length === 0) {
            consumer.quietPoll = poll;
            changed();
            if (iterator) await pause(pollIntervalMs);
          }
        } catch (error) {
          if (signal.aborted || isAbort(error)) break;
          if (error instanceof ExpiredIteratorException) {
            // An iterator lives 15 minutes: read on after the last record read.
            position = lastSequenceNumber ? ['AFTER_SEQUENCE_NUMBER', lastSequenceNumber] : [startType];
            continue;
          }
          if (error instanceof TrimmedDataAccessException) {
            position = ['TRIM_HORIZON'];
            continue;
          }
          if (error instanceof ResourceNotFoundException) {
            log(`stream ${fn.name}: shard ${shardId} is gone (${error.message})`);
            break;
          }
          if (!erring) log(`stream ${fn.name}: reading shard ${shardId} failed, retrying: ${message(error)}`);
          erring = true;
          await pause(Math.max(pollIntervalMs, baseDelayMs));
        }
      }
    })()
      .catch((error: unknown) => {
        if (!signal.aborted && !isAbort(error)) log(`stream ${fn.name}: reader of shard ${shardId} stopped: ${message(error)}`);
      })
      .finally(() => {
        consumer.finished = true;
        changed();
      });
    return consumer.done;
  };

  /**
   * Starts readers for shards not seen before. At the start, an open shard is read from its end
   * (the iterators taken before this returns, so a change made once the pollers run is read) and a
   * closed one not at all; a shard found later is read from its beginning, after its parent.
   */
  const discover = async (initial: boolean) => {
    for (const shard of await allShards()) {
      const shardId = shard.ShardId;
      if (!shardId || shards.has(shardId)) continue;
      const closed = shard.SequenceNumberRange?.EndingSequenceNumber !== undefined;
      if (initial && closed) {
        shards.set(shardId, []);
        continue;
      }
      const type: ShardIteratorType = initial ? 'LATEST' : 'TRIM_HORIZON';
      const iterators = initial ? await Promise.all(functions.map(() => iteratorOf(shardId, type))) : [];
      const parent = Promise.all((shard.ParentShardId && shards.get(shard.ParentShardId)) || []);
      shards.set(
        shardId,
        functions.map((fn, i) => consume(fn, shardId, type, iterators[i], parent)),
      );
    }
  };

  try {
    await discover(true);
  } catch (error) {
    aborter.abort();
    await Promise.allSettled(consumers.map((c) => c.done));
    streams.destroy();
    throw error;
  }
  log(
    `stream pollers on ${tableName}: ${functions.map((fn) => `${fn.name} (${fn.trigger.events?.join('/') ?? 'any change'} of ${fn.trigger.entities.join(', ')}, batches of ${fn.trigger.batchSize})`).join('; ')}, ${shards.size} shards`,
  );

  const watching = (async () => {
    let erring = false;
    while (!signal.aborted) {
      await pause(describeIntervalMs);
      if (signal.aborted) break;
      try {
        await discover(false);
        erring = false;
      } catch (error) {
        if (signal.aborted || isAbort(error)) break;
        if (!erring) log(`stream pollers: describing the stream failed, retrying: ${message(error)}`);
        erring = true;
      }
    }
  })();

  let stopped: Promise<void> | undefined;
  return {
    stop: () =>
      (stopped ??= (async () => {
        aborter.abort();
        changed();
        await Promise.allSettled([watching, ...consumers.map((c) => c.done)]);
        streams.destroy();
      })()),
    idle: () =>
      new Promise<void>((resolve) => {
        const targets = consumers.map((consumer) => [consumer, consumer.polls + 1] as const);
        const check = () => {
          if (!signal.aborted && !targets.every(([consumer, target]) => consumer.finished || consumer.quietPoll >= target)) return;
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
        check();
      }),
  };
};
