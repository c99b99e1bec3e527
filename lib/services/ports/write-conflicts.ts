import { ConflictError } from '../../domain/errors.js';

/**
 * What a store's failed condition stands for, whatever the store: the DynamoDB stores and the
 * in-memory ones the service tests use say the same, and the contract tests hold both to it.
 */
export const writeConflicts = {
  requestNumberTaken: (requestId: string) => new ConflictError(`Request number ${requestId} is taken`, 'Send the request again'),
  requestChanged: (requestId: string) =>
    new ConflictError(`Request ${requestId} changed while you were working on it`, 'Reload the request to see its current status, then try again if the action still applies'),
  rankChanged: (requestId: string) =>
    new ConflictError(`Request ${requestId} was moved or finished by someone else meanwhile`, 'Reload the queue to see the current order, then move again'),
};
