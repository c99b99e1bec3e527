import { ConditionalCheckFailedException, DeleteCommand, PutCommand, TransactWriteCommand, TransactionCanceledException, UpdateCommand, type DocumentClient } from './document-client.js';
import type { UnitOfWork, Write } from '../../services/ports/common.js';
import { cancellationCause } from './sdk-errors.js';
import { tableWrite, type TableWrite } from './table-write.js';

/** A failed condition becomes the domain error the write stands for, with the SDK error as cause. */
const withCause = (error: Error, cause: unknown): Error => {
  error.cause = cause;
  return error;
};

/**
 * Writes all items or none. When a condition fails, the error of the first failed item is thrown,
 * so each store says what a failed condition means in its domain. A cancellation by a concurrent
 * transaction is a conflict (409), one by throttling is busy (503).
 */
const transact = async (client: DocumentClient, writes: readonly TableWrite[]): Promise<void> => {
  try {
    await client.send(new TransactWriteCommand({ TransactItems: writes.map((w) => w.item) }));
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error;
    const codes = (error.CancellationReasons ?? []).map((reason) => reason.Code);
    const failed = codes.findIndex((code) => code === 'ConditionalCheckFailed');
    const domainError = writes[failed]?.onConditionFailed?.() ?? cancellationCause(codes, error);
    throw domainError ? withCause(domainError, error) : error;
  }
};

/** A lone put, update or delete needs no transaction (which costs twice the write capacity). */
const single = async (client: DocumentClient, write: TableWrite): Promise<boolean> => {
  const { Put, Update, Delete } = write.item;
  if (!Put && !Update && !Delete) return false;
  try {
    if (Put) await client.send(new PutCommand(Put));
    else if (Update) await client.send(new UpdateCommand(Update));
    else if (Delete) await client.send(new DeleteCommand(Delete));
  } catch (error) {
    const domainError = error instanceof ConditionalCheckFailedException ? write.onConditionFailed?.() : undefined;
    throw domainError ? withCause(domainError, error) : error;
  }
  return true;
};

export const dynamoUnitOfWork = (client: DocumentClient): UnitOfWork => ({
  async commit(writes: readonly Write[]) {
    const items = writes.map(tableWrite);
    if (items.length === 0) return;
    if (items.length === 1 && (await single(client, items[0]!))) return;
    await transact(client, items);
  },
});
