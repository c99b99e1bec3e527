import { describe, expect, it } from 'vitest';
import { ConditionalCheckFailedException, DynamoDBError, GetCommand, type DocumentClient } from '../../../lib/adapters/dynamodb/document-client.js';
import { TableWrite } from '../../../lib/adapters/dynamodb/table-write.js';
import { dynamoUnitOfWork } from '../../../lib/adapters/dynamodb/unit-of-work.js';
import { ConflictError, ServiceBusyError } from '../../../lib/domain/errors.js';
import { errorAnswer } from '../../../lib/http/error-response.js';
import { dynamodbWire, refusal, type WireAnswer } from './dynamodb-wire.js';

/** A client whose every call DynamoDB answers with `answer` (no network, no waiting between retries). */
const answering = (answer: WireAnswer) => dynamodbWire([answer]).client;

const cancelled = (...codes: string[]) =>
  refusal('TransactionCanceledException', 400, {
    message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${codes.join(', ')}]`,
    CancellationReasons: codes.map((Code) => ({ Code, Message: Code })),
  });

const put = new TableWrite('item a', { Put: { TableName: 't', Item: { pk: 'a', sk: 'b' } } });
const commit = (client: DocumentClient, writes: TableWrite[]) => dynamoUnitOfWork(client).commit(writes);
const get = (client: DocumentClient) => client.send(new GetCommand({ TableName: 't', Key: { pk: 'a', sk: 'b' } })).catch((e: unknown) => e);

describe('DynamoDB errors of load and contention, as callers see them', () => {
  it.each(['ProvisionedThroughputExceededException', 'ThrottlingException', 'RequestLimitExceeded'])('answers %s with a 503 and Retry-After', async (type) => {
    const error = await get(answering(refusal(type)));
    expect(error).toBeInstanceOf(ServiceBusyError);
    expect((error as Error).cause).toBeInstanceOf(DynamoDBError);
    expect((error as Error).cause).toMatchObject({ name: type, status: 400 });
    const answer = errorAnswer(error, 'req-1');
    expect(answer).toMatchObject({ statusCode: 503, expected: true, headers: { 'retry-after': '1' }, body: { error: { code: 'busy', next: expect.any(String) } } });
  });

  it('answers a transaction cancelled by a concurrent transaction with a 409 that says what to do', async () => {
    const error = await commit(answering(cancelled('None', 'TransactionConflict')), [put, put]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(errorAnswer(error)).toMatchObject({ statusCode: 409, body: { error: { code: 'conflict', next: 'Reload, then try again' } } });
  });

  it('answers a plain write that met a transaction in flight with a 409', async () => {
    const error = await get(answering(refusal('TransactionConflictException')));
    expect(errorAnswer(error).statusCode).toBe(409);
  });

  it('answers a transaction cancelled by throttling with a 503', async () => {
    const error = await commit(answering(cancelled('ThrottlingError', 'None')), [put, put]).catch((e: unknown) => e);
    expect(errorAnswer(error)).toMatchObject({ statusCode: 503, headers: { 'retry-after': '1' } });
  });

  it('still says what a failed condition means first, when a condition failed too', async () => {
    const meaning = new ConflictError('Request 2026-0001 changed while you were working on it', 'Reload the request');
    const error = await commit(answering(cancelled('TransactionConflict', 'ConditionalCheckFailed')), [put, new TableWrite('item a', put.item, () => meaning)]).catch(
      (e: unknown) => e,
    );
    expect(error).toBe(meaning);
  });

  it('leaves other errors alone: they are 500s, logged as bugs or outages', async () => {
    const error = await get(answering(refusal('ValidationException')));
    expect(error).toBeInstanceOf(DynamoDBError);
    expect(error).toMatchObject({ name: 'ValidationException', message: 'ValidationException happened' });
    expect(errorAnswer(error)).toMatchObject({ statusCode: 500, expected: false });
  });
});

describe('the unit of work', () => {
  it('writes a lone write without a transaction, and a failed condition is the domain error it stands for', async () => {
    const { client, sent } = dynamodbWire([refusal('ConditionalCheckFailedException', 400, { message: 'The conditional request failed' })]);
    const meaning = new ConflictError('Request 2026-0001 changed while you were working on it', 'Reload the request');
    const error = await commit(client, [new TableWrite('request 2026-0001', put.item, () => meaning)]).catch((e: unknown) => e);
    expect(error).toBe(meaning);
    expect((error as Error).cause).toBeInstanceOf(ConditionalCheckFailedException);
    expect(sent.map((call) => call.operation)).toEqual(['PutItem']);
  });

  it('commits nothing for no writes, and refuses a write of another adapter', async () => {
    const { client, sent } = dynamodbWire([refusal('ValidationException')]);
    await expect(commit(client, [])).resolves.toBeUndefined();
    await expect(dynamoUnitOfWork(client).commit([{ label: 'a file in S3' }])).rejects.toThrow(/a file in S3 is not a DynamoDB write/);
    expect(sent).toEqual([]);
  });
});
