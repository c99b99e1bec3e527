import { ConflictError, ServiceBusyError } from '../../domain/errors.js';

/** DynamoDB's answers to too much load; the client has already retried them with backoff (document-client.ts). */
const throttled = new Set(['ProvisionedThroughputExceededException', 'ThrottlingException', 'RequestLimitExceeded']);

/** Reasons a transaction item can be cancelled with that are neither our condition nor our input. */
const cancelledByLoad = new Set(['ThrottlingError', 'ProvisionedThroughputExceeded', 'RequestLimitExceeded']);

const nameOf = (error: unknown) => (error instanceof Error ? error.name : undefined);

export const busy = (cause: unknown) => new ServiceBusyError('The database is busy right now; nothing was changed', 1, { cause });

export const concurrentChange = (cause: unknown) =>
  new ConflictError('Someone changed the same thing at the same moment; nothing was changed', 'Reload, then try again', { cause });

/**
 * Turns DynamoDB's errors of load and contention into named domain errors (503 and 409), so they
 * never surface as a 500. Conditions are the stores' to explain (see unit-of-work.ts); anything else
 * stays as it is: a bug or an outage, logged as such.
 */
export const translateSdkError = (error: unknown): unknown => {
  const name = nameOf(error);
  if (name && throttled.has(name)) return busy(error);
  // A plain write that met a transaction in flight on the same item.
  if (name === 'TransactionConflictException') return concurrentChange(error);
  return error;
};

/** What a cancelled transaction means when no condition of ours failed: contention or load. */
export const cancellationCause = (codes: readonly (string | undefined)[], error: unknown): Error | undefined => {
  if (codes.some((code) => code === 'TransactionConflict')) return concurrentChange(error);
  if (codes.some((code) => code !== undefined && cancelledByLoad.has(code))) return busy(error);
  return undefined;
};
