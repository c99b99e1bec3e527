import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import * as z from 'zod';
import { EnvName, readEnv } from '../../config/env.js';
import { sleep, withRetries, type RetryPolicy } from '../aws/retry.js';
import { credentialsFromEnvironment, regionFromEnvironment, type Credentials } from '../aws/sigv4.js';
import { AwsApiError, signedJsonCall } from '../aws/signed-json.js';
import { convertMaps, operations, type Command, type Operation } from './commands.js';
import { dynamoError } from './dynamodb-errors.js';
import { translateSdkError } from './sdk-errors.js';

export { BatchGetCommand, DeleteCommand, GetCommand, PutCommand, QueryCommand, ScanCommand, TransactWriteCommand, UpdateCommand } from './commands.js';
export type { QueryCommandInput } from '@aws-sdk/lib-dynamodb';
export { ConditionalCheckFailedException, DynamoDBError, TransactionCanceledException } from './dynamodb-errors.js';

export interface DynamoTarget {
  region: string;
  /** `https://dynamodb.<region>.amazonaws.com`, or DynamoDB Local's URL. */
  endpoint: string;
  credentials: Credentials;
  fetch?: typeof fetch;
}

/** Where the table is, from the function's environment (the local stack sets AWS_ENDPOINT_URL_DYNAMODB, the SDK's own variable). */
/** Built once: the target is read from the environment on every call. */
const OptionalUrl = z.url().optional();
const TableName = z.string().min(1);

export const dynamoFromEnvironment = (): DynamoTarget => {
  const region = regionFromEnvironment();
  const endpoint = readEnv(EnvName.dynamodbEndpoint, OptionalUrl) ?? `https://dynamodb.${region}.amazonaws.com`;
  return { region, endpoint, credentials: credentialsFromEnvironment() };
};

/**
 * The SDK's retries for DynamoDB (full jitter below 25 ms × 2ⁿ, or 1 s × 2ⁿ after throttling), but
 * 3 tries in all where the SDK gave DynamoDB 4: a call throttled throughout gives up within 3 s
 * with a 503 (sdk-errors.ts), well inside an API function's timeout.
 */
export const dynamoRetry: RetryPolicy = { attempts: 3, baseDelayMs: 25, throttlingBaseDelayMs: 1000, maxDelayMs: 20_000, sleep, random: Math.random };

/** One call as a store makes it: documents in, documents out. */
export type Call = (operation: Operation, input: object) => Promise<Record<string, unknown>>;
/** Wraps every call, e.g. to count what a route sends (test/support) or meter its capacity (bench). */
export type Middleware = (next: Call) => Call;

const isAttributeMap = (map: object): map is Record<string, AttributeValue> => Object.values(map).every((value) => typeof value === 'object' && value !== null);

/** Documents as DynamoDB JSON: undefined attributes dropped, as the stores' writes expect. */
const toAttributeMap = (document: object) => marshall(document, { removeUndefinedValues: true });

/** DynamoDB JSON as documents (numbers as numbers). unmarshall checks each value's type as it converts it. */
const toDocument = (map: object): Record<string, unknown> => {
  if (!isAttributeMap(map)) throw new TypeError('DynamoDB answered with an attribute map that is none');
  return unmarshall(map);
};

/**
 * The DynamoDB client every store uses, in place of the SDK's document client (about 200 KB of a
 * bundle): each command one signed call of DynamoDB's JSON API (`POST /`, `x-amz-target:
 * DynamoDB_20120810.<operation>`), its items marshalled and its answer's unmarshalled with
 * util-dynamodb as lib-dynamodb did, retried as the SDK did, and a refusal thrown as DynamoDB's
 * named error, which sdk-errors.ts turns into a domain error where it means load or contention.
 * Our items hold no binary attributes (B, BS): they would not survive JSON this way.
 */
export class DocumentClient {
  private readonly layers: Middleware[] = [];

  constructor(
    private readonly target: () => DynamoTarget,
    private readonly retry: RetryPolicy = dynamoRetry,
  ) {}

  /** Adds a middleware around every call; the first one added is the outermost. */
  use(middleware: Middleware): void {
    this.layers.push(middleware);
  }

  async send<Input extends object, Output>(command: Command<Input, Output>): Promise<Output> {
    const call = this.layers.reduceRight<Call>((next, layer) => layer(next), this.call);
    try {
      // DynamoDB's answer, in the shape its API documents for the operation; the stores parse each item with its schema.
      return (await call(command.operation, command.input)) as Output;
    } catch (error) {
      throw translateSdkError(error);
    }
  }

  private readonly call: Call = async (operation, input) => {
    const shapes = operations[operation];
    const body = convertMaps(input, shapes.input, toAttributeMap);
    const answer = await withRetries(() => this.request(operation, body), this.retry).catch((error: unknown) => {
      throw error instanceof AwsApiError ? dynamoError(error, toDocument) : error;
    });
    return convertMaps(answer, shapes.output, toDocument) as Record<string, unknown>;
  };

  private request(operation: Operation, body: unknown) {
    const { region, endpoint, credentials, fetch } = this.target();
    return signedJsonCall({
      service: 'dynamodb',
      region,
      endpoint,
      method: 'POST',
      path: '/',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `DynamoDB_20120810.${operation}` },
      credentials,
      fetch,
      body,
    });
  }
}

/** One client per process, reused across invocations; it reads where the table is at each call. */
export const documentClient = new DocumentClient(dynamoFromEnvironment);

export const tableName = (): string => readEnv(EnvName.tableName, TableName);
