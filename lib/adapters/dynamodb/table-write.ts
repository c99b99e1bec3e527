import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Write } from '../../services/ports/common.js';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * A store's write as DynamoDB takes it: one transaction item, and the domain error its condition
 * stands for. Only the DynamoDB unit of work reads these.
 */
export class TableWrite implements Write {
  constructor(
    readonly label: string,
    readonly item: TransactItem,
    readonly onConditionFailed?: () => Error,
  ) {}
}

/** A write of another adapter handed to this one is a wiring bug, said plainly. */
export const tableWrite = (write: Write): TableWrite => {
  if (!(write instanceof TableWrite)) throw new TypeError(`${write.label} is not a DynamoDB write; a unit of work commits its own adapter's writes only`);
  return write;
};
