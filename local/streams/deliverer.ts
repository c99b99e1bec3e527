import type { DynamoDBRecord } from 'aws-lambda';
import { retryFrom } from '../stream-records.js';
import { message } from './error-message.js';
import type { StreamInvoke } from './local-invoke.js';
import type { StopSignal } from './stop-signal.js';
import type { StreamFunction } from './stream-functions.js';

/** How a failing record is retried: `maxRetries` after the first attempt, backing off from `baseDelayMs` to `maxDelayMs`. */
export interface RetryPolicy {
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface DelivererContext {
  invoke: StreamInvoke;
  log: (line: string) => void;
  retry: RetryPolicy;
  stop: StopSignal;
}

/** Delivers a batch; answers how many records of it are done with (delivered or given up), 0 to retry it. */
export type Deliver = (pending: DynamoDBRecord[]) => Promise<number>;

/** One function's deliveries from one shard: its batch size, and the retries and bisection of a failing batch. */
export const deliverer = (fn: StreamFunction, { invoke, log, retry, stop }: DelivererContext): Deliver => {
  const { maxRetries, baseDelayMs, maxDelayMs } = retry;
  let failures = 0;
  let limit = fn.trigger.batchSize;
  return async (pending) => {
    const batch = pending.slice(0, limit);
    const started = performance.now();
    let from: number | undefined;
    let threw: unknown;
    try {
      // A copy each time, as Lambda's is parsed from JSON: what a handler changes is not redelivered.
      from = retryFrom(await stop.unlessStopped(invoke(fn.name, structuredClone({ Records: batch }))), batch);
    } catch (error) {
      if (stop.signal.aborted) throw error;
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
      await stop.pause(baseDelayMs);
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
    await stop.pause(Math.min(baseDelayMs * 2 ** (failures - 1), maxDelayMs));
    return from;
  };
};
