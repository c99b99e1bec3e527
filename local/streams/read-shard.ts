import { ExpiredIteratorException, ResourceNotFoundException, TrimmedDataAccessException, type ShardIteratorType } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord } from 'aws-lambda';
import { matchesStreamFilter } from '../../lib/lambda/stream-filter.js';
import { toLambdaRecord } from '../stream-records.js';
import { deliverer, type DelivererContext } from './deliverer.js';
import { message } from './error-message.js';
import type { ShardReader, ShardReaders } from './shard-readers.js';
import { isAbort } from './stop-signal.js';
import type { StreamApi } from './stream-api.js';
import type { StreamFunction } from './stream-functions.js';

export interface ReadShardContext extends DelivererContext {
  api: StreamApi;
  readers: ShardReaders;
  /** The stream's ARN and the region, as Lambda puts them in each record. */
  eventSourceARN: string;
  awsRegion: string;
  /** How long a shard that had nothing new waits before asking again. */
  pollIntervalMs: number;
}

/**
 * One function's reader of one shard: in order, one batch at a time. It starts from `iterator`
 * if given (taken at the start, at the end of the shard), else from `startType` once `after`
 * (the parent shard's readers) is done.
 */
export const readShard = (
  context: ReadShardContext,
  fn: StreamFunction,
  shardId: string,
  startType: ShardIteratorType,
  iterator: string | undefined,
  after: Promise<unknown>,
) => {
  const { api, readers, log, stop, eventSourceARN, awsRegion, pollIntervalMs } = context;
  const { signal } = stop;
  const reader: ShardReader = { functionName: fn.name, shardId, polls: 0, quietPoll: 0, finished: false, done: Promise.resolve() };
  readers.add(reader);
  reader.done = (async () => {
    await after;
    /** Where to take a new iterator from, when the reader has none to go on with. */
    let position: [ShardIteratorType, string?] | undefined = iterator === undefined ? [startType] : undefined;
    let lastSequenceNumber: string | undefined;
    const pending: DynamoDBRecord[] = [];
    const deliver = deliverer(fn, context);
    let erring = false;
    while (!signal.aborted) {
      try {
        if (pending.length > 0) {
          pending.splice(0, await deliver(pending));
          continue;
        }
        if (position) {
          iterator = await api.iteratorOf(shardId, ...position);
          position = undefined;
        }
        if (!iterator) break; // a closed shard, read to its end
        const poll = ++reader.polls;
        const { Records = [], NextShardIterator } = await api.records(iterator);
        iterator = NextShardIterator;
        erring = false;
        for (const record of Records) {
          lastSequenceNumber = record.dynamodb?.SequenceNumber ?? lastSequenceNumber;
          const converted = toLambdaRecord(record, { eventSourceARN, awsRegion });
          if (matchesStreamFilter(fn.trigger, converted)) pending.push(converted);
        }
        if (Records.length === 0) {
          reader.quietPoll = poll;
          readers.changed();
          if (iterator) await stop.pause(pollIntervalMs);
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
        await stop.pause(Math.max(pollIntervalMs, context.retry.baseDelayMs));
      }
    }
  })()
    .catch((error: unknown) => {
      if (!signal.aborted && !isAbort(error)) log(`stream ${fn.name}: reader of shard ${shardId} stopped: ${message(error)}`);
    })
    .finally(() => {
      reader.finished = true;
      readers.changed();
    });
  return reader.done;
};
