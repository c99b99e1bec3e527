import type {
  BatchGetCommandInput,
  BatchGetCommandOutput,
  DeleteCommandInput,
  DeleteCommandOutput,
  GetCommandInput,
  GetCommandOutput,
  PutCommandInput,
  PutCommandOutput,
  QueryCommandInput,
  QueryCommandOutput,
  ScanCommandInput,
  ScanCommandOutput,
  TransactWriteCommandInput,
  TransactWriteCommandOutput,
  UpdateCommandInput,
  UpdateCommandOutput,
} from '@aws-sdk/lib-dynamodb';

/**
 * The calls the stores make, in lib-dynamodb's shapes (its types only: they cost nothing in a
 * bundle), sent by document-client.ts. A command is its operation and its input; its output type
 * rides along for `send` to answer with.
 */
export abstract class Command<Input extends object, Output> {
  abstract readonly operation: Operation;
  /** Never set: only carries the output's type. */
  declare readonly outputType?: Output;
  constructor(readonly input: Input) {}
}

/** What lib-dynamodb's outputs hold but the SDK's metadata. */
type Answer<T> = Omit<T, '$metadata'>;

export class GetCommand extends Command<GetCommandInput, Answer<GetCommandOutput>> {
  readonly operation = 'GetItem';
}
export class PutCommand extends Command<PutCommandInput, Answer<PutCommandOutput>> {
  readonly operation = 'PutItem';
}
export class UpdateCommand extends Command<UpdateCommandInput, Answer<UpdateCommandOutput>> {
  readonly operation = 'UpdateItem';
}
export class DeleteCommand extends Command<DeleteCommandInput, Answer<DeleteCommandOutput>> {
  readonly operation = 'DeleteItem';
}
export class QueryCommand extends Command<QueryCommandInput, Answer<QueryCommandOutput>> {
  readonly operation = 'Query';
}
export class ScanCommand extends Command<ScanCommandInput, Answer<ScanCommandOutput>> {
  readonly operation = 'Scan';
}
export class BatchGetCommand extends Command<BatchGetCommandInput, Answer<BatchGetCommandOutput>> {
  readonly operation = 'BatchGetItem';
}
export class TransactWriteCommand extends Command<TransactWriteCommandInput, Answer<TransactWriteCommandOutput>> {
  readonly operation = 'TransactWriteItems';
}

/**
 * Where a request or an answer holds attribute maps (items, keys, expression values), which go
 * over the wire as DynamoDB JSON: `'map'` is one; `{ '*': shape }` each element of a list or each
 * value of an object keyed by table name; any other key names a field. The same paths as
 * lib-dynamodb's own commands marshal and unmarshal.
 */
export type Shape = 'map' | { readonly [field: string]: Shape };

const written: Shape = { Key: 'map', ExpressionAttributeValues: 'map' };
const withItem: Shape = { Item: 'map', ExpressionAttributeValues: 'map' };
const page: Shape = { Items: { '*': 'map' }, LastEvaluatedKey: 'map' };
const keysOfTables: Shape = { '*': { Keys: { '*': 'map' } } };

export const operations = {
  GetItem: { input: { Key: 'map' }, output: { Item: 'map' } },
  PutItem: { input: withItem, output: { Attributes: 'map' } },
  UpdateItem: { input: written, output: { Attributes: 'map' } },
  DeleteItem: { input: written, output: { Attributes: 'map' } },
  Query: { input: { ExclusiveStartKey: 'map', ExpressionAttributeValues: 'map' }, output: page },
  Scan: { input: { ExclusiveStartKey: 'map', ExpressionAttributeValues: 'map' }, output: page },
  BatchGetItem: { input: { RequestItems: keysOfTables }, output: { Responses: { '*': { '*': 'map' } }, UnprocessedKeys: keysOfTables } },
  TransactWriteItems: { input: { TransactItems: { '*': { Put: withItem, Update: written, Delete: written, ConditionCheck: written } } }, output: {} },
} as const satisfies Record<string, { input: Shape; output: Shape }>;

export type Operation = keyof typeof operations;

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;

/** `value` with each attribute map at `shape`'s paths converted by `convert`; everything else as it is. */
export const convertMaps = (value: unknown, shape: Shape, convert: (map: object) => unknown): unknown => {
  if (!isObject(value)) return value;
  if (shape === 'map') return convert(value);
  const each = shape['*'];
  if (Array.isArray(value)) return each ? value.map((element) => convertMaps(element, each, convert)) : value;
  return Object.fromEntries(
    Object.entries(value).map(([field, inner]) => {
      const at = shape[field] ?? each;
      return [field, at ? convertMaps(inner, at, convert) : inner];
    }),
  );
};
