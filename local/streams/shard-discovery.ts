import type { ShardIteratorType } from '@aws-sdk/client-dynamodb-streams';
import { message } from './error-message.js';
import { readShard, type ReadShardContext } from './read-shard.js';
import { isAbort } from './stop-signal.js';
import type { StreamFunction } from './stream-functions.js';

export type ShardDiscovery = ReturnType<typeof shardDiscovery>;

/** The shards found so far on the stream, each read by every function. */
export const shardDiscovery = (context: ReadShardContext, functions: readonly StreamFunction[]) => {
  const { api } = context;
  /** Shards seen so far, and for each the readers of it (none for one that was closed at the start). */
  const shards = new Map<string, Promise<void>[]>();
  return {
    get size() {
      return shards.size;
    },
    /**
     * Starts readers for shards not seen before. At the start, an open shard is read from its end
     * (the iterators taken before this returns, so a change made once the pollers run is read) and a
     * closed one not at all; a shard found later is read from its beginning, after its parent.
     */
    discover: async (initial: boolean) => {
      for (const shard of await api.allShards()) {
        const shardId = shard.ShardId;
        if (!shardId || shards.has(shardId)) continue;
        const closed = shard.SequenceNumberRange?.EndingSequenceNumber !== undefined;
        if (initial && closed) {
          shards.set(shardId, []);
          continue;
        }
        const type: ShardIteratorType = initial ? 'LATEST' : 'TRIM_HORIZON';
        const iterators = initial ? await Promise.all(functions.map(() => api.iteratorOf(shardId, type))) : [];
        const parent = Promise.all((shard.ParentShardId && shards.get(shard.ParentShardId)) || []);
        shards.set(
          shardId,
          functions.map((fn, i) => readShard(context, fn, shardId, type, iterators[i], parent)),
        );
      }
    },
  };
};

/** Describes the stream every `describeIntervalMs` for new shards until the pollers stop; ends with them. */
export const watchShards = async (discovery: ShardDiscovery, describeIntervalMs: number, { log, stop }: Pick<ReadShardContext, 'log' | 'stop'>) => {
  const { signal } = stop;
  let erring = false;
  while (!signal.aborted) {
    await stop.pause(describeIntervalMs);
    if (signal.aborted) break;
    try {
      await discovery.discover(false);
      erring = false;
    } catch (error) {
      if (signal.aborted || isAbort(error)) break;
      if (!erring) log(`stream pollers: describing the stream failed, retrying: ${message(error)}`);
      erring = true;
    }
  }
};
