import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { cancellationCause } from './sdk-errors.js';

type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

/** A transaction item with the domain error its condition stands for. */
export interface GuardedItem {
  item: TransactItem;
  onConditionFailed?: () => Error;
}

/**
 * Writes all items or none. When a condition fails, the error of the first failed item is thrown
 * (with the SDK error as cause), so each caller says what a failed condition means in its domain.
 * A cancellation by a concurrent transaction is a conflict (409), one by throttling is busy (503).
 */
export const transact = async (client: DynamoDBDocumentClient, items: GuardedItem[]): Promise<void> => {
  try {
    await client.send(new TransactWriteCommand({ TransactItems: items.map((i) => i.item) }));
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error;
    const codes = (error.CancellationReasons ?? []).map((reason) => reason.Code);
    const failed = codes.findIndex((code) => code === 'ConditionalCheckFailed');
    const domainError = items[failed]?.onConditionFailed?.() ?? cancellationCause(codes, error);
    if (domainError) {
      domainError.cause = error;
      throw domainError;
    }
    throw error;
  }
};
