import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import type { FunctionDefinition } from '../lib/lambda/definition.js';
import { localCredentials, localRegion } from './local-aws.js';
import { localInvoke, type StreamInvoke } from './streams/local-invoke.js';
import { shardDiscovery, watchShards } from './streams/shard-discovery.js';
import { shardReaders } from './streams/shard-readers.js';
import { createStopSignal } from './streams/stop-signal.js';
import { latestStreamArn, streamApi } from './streams/stream-api.js';
import { streamFunctions } from './streams/stream-functions.js';

export type { StreamInvoke } from './streams/local-invoke.js';

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
  /**
   * How long a shard that had nothing new waits before asking again: by default 250 ms, as Lambda
   * polls a stream's shards four times a second (10 times cost an idle stack ~0.1 core).
   */
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
  const functions = streamFunctions(options.functions);
  if (functions.length === 0) return { stop: async () => undefined, idle: async () => undefined };

  const { log, tableName } = options;
  const awsRegion = options.region ?? localRegion;
  const clientConfig = { endpoint: options.endpoint, region: awsRegion, credentials: options.credentials ?? localCredentials };
  const stop = createStopSignal();

  const streamArn = await latestStreamArn(clientConfig, tableName);
  if (!streamArn) throw new Error(`The table ${tableName} has no stream for ${functions.map((f) => f.name).join(', ')} to read`);

  const streams = new DynamoDBStreamsClient(clientConfig);
  const readers = shardReaders(stop.signal);
  const discovery = shardDiscovery(
    {
      api: streamApi(streams, streamArn, stop.signal),
      readers,
      stop,
      log,
      invoke: options.invoke ?? localInvoke(),
      eventSourceARN: streamArn,
      awsRegion,
      pollIntervalMs: options.pollIntervalMs ?? 250,
      retry: { maxRetries: options.retry?.attempts ?? 10, baseDelayMs: options.retry?.baseDelayMs ?? 200, maxDelayMs: options.retry?.maxDelayMs ?? 5000 },
    },
    functions,
  );

  try {
    await discovery.discover(true);
  } catch (error) {
    stop.stop();
    await Promise.allSettled(readers.done());
    streams.destroy();
    throw error;
  }
  log(
    `stream pollers on ${tableName}: ${functions.map((fn) => `${fn.name} (${fn.trigger.events?.join('/') ?? 'any change'} of ${fn.trigger.entities.join(', ')}, batches of ${fn.trigger.batchSize})`).join('; ')}, ${discovery.size} shards`,
  );

  const watching = watchShards(discovery, options.describeIntervalMs ?? 1000, { log, stop });

  let stopped: Promise<void> | undefined;
  return {
    stop: () =>
      (stopped ??= (async () => {
        stop.stop();
        readers.changed();
        await Promise.allSettled([watching, ...readers.done()]);
        streams.destroy();
      })()),
    idle: readers.idle,
  };
};
