import {
  ConditionalCheckFailedException,
  DynamoDBClient,
  ProvisionedThroughputExceededException,
  RequestLimitExceeded,
  ThrottlingException,
  TransactionCanceledException,
  TransactionConflictException,
} from '@aws-sdk/client-dynamodb';
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { toDocumentClient } from '../../../lib/adapters/dynamodb/document-client.js';
import { TableWrite } from '../../../lib/adapters/dynamodb/table-write.js';
import { dynamoUnitOfWork } from '../../../lib/adapters/dynamodb/unit-of-work.js';
import { ConflictError, ServiceBusyError } from '../../../lib/domain/errors.js';
import { errorAnswer } from '../../../lib/http/error-response.js';

const $metadata = { httpStatusCode: 400 };

/** A real SDK client whose every call fails with `error`, as if DynamoDB had answered so (no network). */
const failingWith = (error: Error): DynamoDBDocumentClient => {
  const client = new DynamoDBClient({ region: 'eu-central-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' }, maxAttempts: 1 });
  client.middlewareStack.add(
    () => async () => {
      throw error;
    },
    { step: 'finalizeRequest', name: 'answerWithError' },
  );
  return toDocumentClient(client);
};

const cancelled = (...codes: string[]) =>
  new TransactionCanceledException({
    message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${codes.join(', ')}]`,
    $metadata,
    CancellationReasons: codes.map((Code) => ({ Code, Message: Code })),
  });

const put = new TableWrite('item a', { Put: { TableName: 't', Item: { pk: 'a', sk: 'b' } } });
const commit = (client: DynamoDBDocumentClient, writes: TableWrite[]) => dynamoUnitOfWork(client).commit(writes);

describe('DynamoDB errors of load and contention, as callers see them', () => {
  it.each([
    ['ProvisionedThroughputExceededException', new ProvisionedThroughputExceededException({ message: 'rate exceeded', $metadata })],
    ['ThrottlingException', new ThrottlingException({ message: 'throttled', $metadata })],
    ['RequestLimitExceeded', new RequestLimitExceeded({ message: 'account limit', $metadata })],
  ])('answers %s with a 503 and Retry-After', async (_name, sdkError) => {
    const error = await failingWith(sdkError)
      .send(new GetCommand({ TableName: 't', Key: { pk: 'a', sk: 'b' } }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceBusyError);
    expect((error as Error).cause).toBe(sdkError);
    const answer = errorAnswer(error, 'req-1');
    expect(answer).toMatchObject({ statusCode: 503, expected: true, headers: { 'retry-after': '1' }, body: { error: { code: 'busy', next: expect.any(String) } } });
  });

  it('answers a transaction cancelled by a concurrent transaction with a 409 that says what to do', async () => {
    const error = await commit(failingWith(cancelled('None', 'TransactionConflict')), [put, put]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(errorAnswer(error)).toMatchObject({ statusCode: 409, body: { error: { code: 'conflict', next: 'Reload, then try again' } } });
  });

  it('answers a plain write that met a transaction in flight with a 409', async () => {
    const sdkError = new TransactionConflictException({ message: 'Transaction is ongoing for the item', $metadata });
    const error = await failingWith(sdkError)
      .send(new GetCommand({ TableName: 't', Key: { pk: 'a', sk: 'b' } }))
      .catch((e: unknown) => e);
    expect(errorAnswer(error).statusCode).toBe(409);
  });

  it('answers a transaction cancelled by throttling with a 503', async () => {
    const error = await commit(failingWith(cancelled('ThrottlingError', 'None')), [put, put]).catch((e: unknown) => e);
    expect(errorAnswer(error)).toMatchObject({ statusCode: 503, headers: { 'retry-after': '1' } });
  });

  it('still says what a failed condition means first, when a condition failed too', async () => {
    const meaning = new ConflictError('Request 2026-0001 changed while you were working on it', 'Reload the request');
    const error = await commit(failingWith(cancelled('TransactionConflict', 'ConditionalCheckFailed')), [put, new TableWrite('item a', put.item, () => meaning)]).catch(
      (e: unknown) => e,
    );
    expect(error).toBe(meaning);
  });

  it('leaves other errors alone: they are 500s, logged as bugs or outages', async () => {
    const sdkError = new Error('socket hang up');
    const error = await failingWith(sdkError)
      .send(new GetCommand({ TableName: 't', Key: { pk: 'a', sk: 'b' } }))
      .catch((e: unknown) => e);
    expect(error).toBe(sdkError);
    expect(errorAnswer(error)).toMatchObject({ statusCode: 500, expected: false });
  });
});

describe('the unit of work', () => {
  it('writes a lone write without a transaction, and a failed condition is the domain error it stands for', async () => {
    const sent: string[] = [];
    const client = failingWith(new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata }));
    client.middlewareStack.add((next, context) => (args) => (sent.push(context.commandName ?? ''), next(args)), { step: 'initialize', name: 'record' });
    const meaning = new ConflictError('Request 2026-0001 changed while you were working on it', 'Reload the request');
    const error = await commit(client, [new TableWrite('request 2026-0001', put.item, () => meaning)]).catch((e: unknown) => e);
    expect(error).toBe(meaning);
    expect((error as Error).cause).toBeInstanceOf(ConditionalCheckFailedException);
    expect(sent).toEqual(['PutItemCommand']);
  });

  it('commits nothing for no writes, and refuses a write of another adapter', async () => {
    await expect(commit(failingWith(new Error('must not be called')), [])).resolves.toBeUndefined();
    await expect(dynamoUnitOfWork(failingWith(new Error('must not be called'))).commit([{ label: 'a file in S3' }])).rejects.toThrow(/a file in S3 is not a DynamoDB write/);
  });
});
