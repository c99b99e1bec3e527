import * as z from 'zod';
import type { AwsApiError } from '../aws/signed-json.js';

type Item = Record<string, unknown>;

/**
 * DynamoDB's refusal of a call, named by its error type (`ProvisionedThroughputExceededException`,
 * `ValidationException`, ...), as the SDK named its errors: sdk-errors.ts and the stores tell them
 * apart by name, or by class for the two whose fields they read.
 */
export class DynamoDBError extends Error {
  constructor(
    name: string,
    message: string,
    /** The HTTP status DynamoDB answered with. */
    readonly status: number,
  ) {
    super(message);
    this.name = name;
  }
}

/** A write's condition failed; `Item` is the item as it was when the write asked for it (`ReturnValuesOnConditionCheckFailure`). */
export class ConditionalCheckFailedException extends DynamoDBError {
  constructor(
    message: string,
    status: number,
    readonly Item?: Item,
  ) {
    super('ConditionalCheckFailedException', message, status);
  }
}

export interface CancellationReason {
  /** `None`, `ConditionalCheckFailed`, `TransactionConflict`, `ThrottlingError`, ...: one per item, in order. */
  Code?: string;
  Message?: string;
  Item?: Item;
}

/** A transaction wrote nothing; why, item by item. */
export class TransactionCanceledException extends DynamoDBError {
  constructor(
    message: string,
    status: number,
    readonly CancellationReasons: CancellationReason[],
  ) {
    super('TransactionCanceledException', message, status);
  }
}

const AttributeMap = z.record(z.string(), z.record(z.string(), z.unknown()));
const Reasons = z.array(z.object({ Code: z.string().optional(), Message: z.string().optional(), Item: AttributeMap.optional() }));

/**
 * DynamoDB's refusal as its own error, the items in it as documents (`toItem`: the client's
 * unmarshalling). Fields of an answer that are not as documented are left out, not guessed.
 */
export const dynamoError = (error: AwsApiError, toItem: (map: Record<string, Record<string, unknown>>) => Item): DynamoDBError => {
  const message = String(error.body.message ?? error.body.Message ?? error.message);
  if (error.errorType === 'ConditionalCheckFailedException') {
    const item = AttributeMap.safeParse(error.body.Item).data;
    return new ConditionalCheckFailedException(message, error.status, item && toItem(item));
  }
  if (error.errorType === 'TransactionCanceledException') {
    const reasons = (Reasons.safeParse(error.body.CancellationReasons).data ?? []).map(({ Item: item, ...reason }) => (item ? { ...reason, Item: toItem(item) } : reason));
    return new TransactionCanceledException(message, error.status, reasons);
  }
  return new DynamoDBError(error.errorType, message, error.status);
};
