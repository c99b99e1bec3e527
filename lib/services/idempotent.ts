import { createHash } from 'node:crypto';
import { ConflictError } from '../domain/errors.js';
import { epochSeconds } from '../domain/time.js';
import { IdempotencyRace, type Idempotency, type IdempotencyStore } from './ports/common.js';

/** How long a repeated call with the same key gets the first answer back. */
export const idempotencyWindowSeconds = 24 * 60 * 60;

export interface IdempotentCall<T> {
  store: Pick<IdempotencyStore, 'find'>;
  /** Absent: the caller sent no Idempotency-Key; the call simply runs. */
  key: string | undefined;
  callerId: string;
  operation: string;
  input: unknown;
  now: Date;
  /** Checks a stored answer before it is replayed. */
  parse: (stored: unknown) => T;
  /** Does the work, writing the record (with its answer) in the same transaction as the change. */
  run: (idempotency: Idempotency | undefined) => Promise<T>;
}

/**
 * Makes a create safe to retry: the same key with the same input answers what the first call
 * answered, even when the two race; the same key with other input is a conflict.
 */
export const idempotent = async <T>(call: IdempotentCall<T>): Promise<T> => {
  if (!call.key) return call.run(undefined);
  const recordId = `${call.callerId}#${call.operation}#${call.key}`;
  const fingerprint = createHash('sha256').update(JSON.stringify(call.input)).digest('hex');
  const replay = async (): Promise<T | undefined> => {
    const stored = await call.store.find(recordId, call.now);
    if (!stored) return undefined;
    if (stored.fingerprint !== fingerprint) {
      throw new ConflictError('This Idempotency-Key was already used for a different request', 'Use a new key for a new request');
    }
    return call.parse(stored.body);
  };
  const earlier = await replay();
  if (earlier !== undefined) return earlier;
  try {
    return await call.run({ recordId, fingerprint, expiresAt: epochSeconds(call.now) + idempotencyWindowSeconds });
  } catch (error) {
    if (!(error instanceof IdempotencyRace)) throw error;
    const winner = await replay();
    if (winner === undefined) throw error;
    return winner;
  }
};
