import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  BatchGetCommand,
  ConditionalCheckFailedException,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
  TransactionCanceledException,
  TransactWriteCommand,
  UpdateCommand,
  dynamoFromEnvironment,
} from '../../../lib/adapters/dynamodb/document-client.js';
import { ServiceBusyError } from '../../../lib/domain/errors.js';
import { dynamodbWire, refusal } from './dynamodb-wire.js';

const ok = (body: unknown = {}) => ({ status: 200, body });

describe('the DynamoDB document client, on the wire', () => {
  it('sends a GetItem as a signed AWS JSON 1.0 call, the key as DynamoDB JSON, and answers the item as a document', async () => {
    const { client, sent } = dynamodbWire([
      ok({ Item: { pk: { S: 'REQ#1' }, version: { N: '3' }, done: { BOOL: true }, tags: { SS: ['a', 'b'] }, files: { L: [{ M: { name: { S: 'x.pdf' }, size: { N: '12.5' } } }] }, gone: { NULL: true } } }),
    ]);
    const { Item } = await client.send(new GetCommand({ TableName: 't', Key: { pk: 'REQ#1', sk: 'REQ' }, ConsistentRead: true }));
    expect(Item).toEqual({ pk: 'REQ#1', version: 3, done: true, tags: new Set(['a', 'b']), files: [{ name: 'x.pdf', size: 12.5 }], gone: null });
    const [call] = sent;
    expect(call!.url).toBe('https://dynamodb.eu-central-1.amazonaws.com/');
    expect(call!.headers['x-amz-target']).toBe('DynamoDB_20120810.GetItem');
    expect(call!.headers['content-type']).toBe('application/x-amz-json-1.0');
    expect(call!.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDTEST\/\d{8}\/eu-central-1\/dynamodb\/aws4_request, /);
    expect(call!.body).toEqual({ TableName: 't', Key: { pk: { S: 'REQ#1' }, sk: { S: 'REQ' } }, ConsistentRead: true });
  });

  it('drops undefined attributes of a written item, at any depth, and marshals expression values', async () => {
    const { client, sent } = dynamodbWire([ok()]);
    await client.send(
      new PutCommand({
        TableName: 't',
        Item: { pk: 'a', sk: 'b', title: undefined, owner: { name: 'Eva', phone: undefined }, list: [1, undefined, 2] },
        ConditionExpression: 'attribute_not_exists(pk) OR version = :v',
        ExpressionAttributeValues: { ':v': 2 },
      }),
    );
    expect(sent[0]!.body).toEqual({
      TableName: 't',
      Item: { pk: { S: 'a' }, sk: { S: 'b' }, owner: { M: { name: { S: 'Eva' } } }, list: { L: [{ N: '1' }, { N: '2' }] } },
      ConditionExpression: 'attribute_not_exists(pk) OR version = :v',
      ExpressionAttributeValues: { ':v': { N: '2' } },
    });
  });

  it('refuses to write a number DynamoDB would not give back exactly, as lib-dynamodb did, and sends nothing', async () => {
    const { client, sent } = dynamodbWire([ok()]);
    await expect(client.send(new PutCommand({ TableName: 't', Item: { pk: 'a', sk: 'b', n: 2 ** 60 } }))).rejects.toThrow(/MAX_SAFE_INTEGER/);
    expect(sent).toEqual([]);
  });

  it('answers a Query page with its items and where it stopped as documents, and sends where to start as DynamoDB JSON', async () => {
    const { client, sent } = dynamodbWire([
      ok({ Items: [{ pk: { S: 'a' }, n: { N: '1' } }, { pk: { S: 'b' }, n: { N: '2' } }], Count: 2, ScannedCount: 2, LastEvaluatedKey: { pk: { S: 'b' }, sk: { S: 'x' } }, ConsumedCapacity: { CapacityUnits: 0.5 } }),
    ]);
    const page = await client.send(
      new QueryCommand({ TableName: 't', IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': 'P' }, ExclusiveStartKey: { pk: 'a', sk: 'x' }, Limit: 2 }),
    );
    expect(page).toEqual({ Items: [{ pk: 'a', n: 1 }, { pk: 'b', n: 2 }], Count: 2, ScannedCount: 2, LastEvaluatedKey: { pk: 'b', sk: 'x' }, ConsumedCapacity: { CapacityUnits: 0.5 } });
    expect(sent[0]!.headers['x-amz-target']).toBe('DynamoDB_20120810.Query');
    expect(sent[0]!.body).toEqual({
      TableName: 't',
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': { S: 'P' } },
      ExclusiveStartKey: { pk: { S: 'a' }, sk: { S: 'x' } },
      Limit: 2,
    });
  });

  it('leaves out an ExclusiveStartKey that is undefined (the first page)', async () => {
    const { client, sent } = dynamodbWire([ok({ Items: [] })]);
    await client.send(new ScanCommand({ TableName: 't', Segment: 1, TotalSegments: 4, ExclusiveStartKey: undefined }));
    expect(sent[0]!.operation).toBe('Scan');
    expect(sent[0]!.body).toEqual({ TableName: 't', Segment: 1, TotalSegments: 4 });
  });

  it('sends a BatchGetItem’s keys per table and answers the items found and the keys left unprocessed as documents', async () => {
    const { client, sent } = dynamodbWire([
      ok({ Responses: { t: [{ pk: { S: 'a' }, sk: { S: 'A' }, n: { N: '7' } }] }, UnprocessedKeys: { t: { Keys: [{ pk: { S: 'b' }, sk: { S: 'B' } }], ConsistentRead: true } } }),
    ]);
    const answer = await client.send(new BatchGetCommand({ RequestItems: { t: { Keys: [{ pk: 'a', sk: 'A' }, { pk: 'b', sk: 'B' }], ConsistentRead: true } } }));
    expect(answer).toEqual({ Responses: { t: [{ pk: 'a', sk: 'A', n: 7 }] }, UnprocessedKeys: { t: { Keys: [{ pk: 'b', sk: 'B' }], ConsistentRead: true } } });
    expect(sent[0]!.body).toEqual({ RequestItems: { t: { Keys: [{ pk: { S: 'a' }, sk: { S: 'A' } }, { pk: { S: 'b' }, sk: { S: 'B' } }], ConsistentRead: true } } });
  });

  it('marshals each action of a transaction: a put’s item, an update’s, a delete’s and a check’s key and values', async () => {
    const { client, sent } = dynamodbWire([ok()]);
    await client.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: 't', Item: { pk: 'a', sk: 'A', n: 1 }, ConditionExpression: 'attribute_not_exists(pk)' } },
          { Update: { TableName: 't', Key: { pk: 'b', sk: 'B' }, UpdateExpression: 'SET n = :n', ExpressionAttributeValues: { ':n': 2 } } },
          { Delete: { TableName: 't', Key: { pk: 'c', sk: 'C' } } },
          { ConditionCheck: { TableName: 't', Key: { pk: 'd', sk: 'D' }, ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': 4 } } },
        ],
      }),
    );
    expect(sent[0]!.operation).toBe('TransactWriteItems');
    expect(sent[0]!.body).toEqual({
      TransactItems: [
        { Put: { TableName: 't', Item: { pk: { S: 'a' }, sk: { S: 'A' }, n: { N: '1' } }, ConditionExpression: 'attribute_not_exists(pk)' } },
        { Update: { TableName: 't', Key: { pk: { S: 'b' }, sk: { S: 'B' } }, UpdateExpression: 'SET n = :n', ExpressionAttributeValues: { ':n': { N: '2' } } } },
        { Delete: { TableName: 't', Key: { pk: { S: 'c' }, sk: { S: 'C' } } } },
        { ConditionCheck: { TableName: 't', Key: { pk: { S: 'd' }, sk: { S: 'D' } }, ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': { N: '4' } } } },
      ],
    });
  });

  it('answers the attributes an update or a delete returns as documents', async () => {
    const { client, sent } = dynamodbWire([ok({ Attributes: { seq: { N: '8' } } }), ok({ Attributes: { pk: { S: 'a' }, reason: { S: 'bounce' } } })]);
    const updated = await client.send(new UpdateCommand({ TableName: 't', Key: { pk: 'a', sk: 'A' }, UpdateExpression: 'ADD seq :one', ExpressionAttributeValues: { ':one': 1 }, ReturnValues: 'UPDATED_NEW' }));
    const deleted = await client.send(new DeleteCommand({ TableName: 't', Key: { pk: 'a', sk: 'A' }, ReturnValues: 'ALL_OLD' }));
    expect(updated.Attributes).toEqual({ seq: 8 });
    expect(deleted.Attributes).toEqual({ pk: 'a', reason: 'bounce' });
    expect(sent.map((call) => call.operation)).toEqual(['UpdateItem', 'DeleteItem']);
  });
});

describe('DynamoDB’s refusals, as the stores read them', () => {
  it('throws a failed condition as ConditionalCheckFailedException, with the item as it was as a document', async () => {
    const { client } = dynamodbWire([refusal('ConditionalCheckFailedException', 400, { message: 'The conditional request failed', Item: { state: { S: 'sending' }, attempts: { N: '1' } } })]);
    const error = await client.send(new PutCommand({ TableName: 't', Item: { pk: 'a', sk: 'b' }, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConditionalCheckFailedException);
    expect(error).toMatchObject({ name: 'ConditionalCheckFailedException', message: 'The conditional request failed', status: 400, Item: { state: 'sending', attempts: 1 } });
  });

  it('throws a cancelled transaction as TransactionCanceledException, with each item’s reason in order (and its item, when asked for)', async () => {
    const { client } = dynamodbWire([
      {
        status: 400,
        body: {
          __type: 'com.amazonaws.dynamodb.v20120810#TransactionCanceledException',
          Message: 'Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]',
          CancellationReasons: [{ Code: 'None' }, { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed', Item: { version: { N: '5' } } }],
        },
      },
    ]);
    const error = await client.send(new TransactWriteCommand({ TransactItems: [] })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransactionCanceledException);
    expect((error as TransactionCanceledException).CancellationReasons).toEqual([{ Code: 'None' }, { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed', Item: { version: 5 } }]);
    expect((error as Error).message).toMatch(/^Transaction cancelled/);
  });
});

describe('retries, as the SDK made them', () => {
  it('tries a throttled call again after a random delay below 1 s, then 2 s, and answers once DynamoDB does', async () => {
    const { client, sent, delays } = dynamodbWire([refusal('ProvisionedThroughputExceededException'), refusal('ThrottlingException'), ok({ Item: { pk: { S: 'a' } } })]);
    await expect(client.send(new GetCommand({ TableName: 't', Key: { pk: 'a', sk: 'b' } }))).resolves.toEqual({ Item: { pk: 'a' } });
    expect(sent).toHaveLength(3);
    // Full jitter: the random half of each ceiling.
    expect(delays).toEqual([500, 1000]);
  });

  it('gives up after 3 tries in all and answers a 503 (busy), not a 500', async () => {
    const { client, sent, delays } = dynamodbWire([refusal('ThrottlingException')]);
    const error = await client.send(new GetCommand({ TableName: 't', Key: { pk: 'a', sk: 'b' } })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceBusyError);
    expect(sent).toHaveLength(3);
    expect(delays).toHaveLength(2);
  });

  it('tries again after a 5xx and after a network failure, with 25 ms ceilings that double', async () => {
    const { client, sent, delays } = dynamodbWire([refusal('InternalServerError', 500), { fails: true }, ok({ Items: [] })]);
    await expect(client.send(new QueryCommand({ TableName: 't', KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'a' } }))).resolves.toEqual({ Items: [] });
    expect(sent).toHaveLength(3);
    expect(delays).toEqual([12.5, 25]);
  });

  it('throws a network failure that lasts as fetch threw it, after 3 tries', async () => {
    const { client, sent } = dynamodbWire([{ fails: true }]);
    await expect(client.send(new GetCommand({ TableName: 't', Key: { pk: 'a', sk: 'b' } }))).rejects.toThrow(TypeError);
    expect(sent).toHaveLength(3);
  });

  it('never tries again what would be refused again: a failed condition, a bad request, a conflict', async () => {
    for (const type of ['ConditionalCheckFailedException', 'ValidationException', 'TransactionConflictException']) {
      const { client, sent } = dynamodbWire([refusal(type), ok()]);
      await expect(client.send(new PutCommand({ TableName: 't', Item: { pk: 'a', sk: 'b' } }))).rejects.toThrow();
      expect(sent, type).toHaveLength(1);
    }
  });
});

describe('middleware', () => {
  it('wraps every call, the first added outermost, and may change what is sent and see what is answered', async () => {
    const { client, sent } = dynamodbWire([ok({ Item: { pk: { S: 'a' } }, ConsumedCapacity: { CapacityUnits: 1 } })]);
    const seen: string[] = [];
    client.use((next) => async (operation, input) => {
      seen.push(`outer ${operation}`);
      const output = await next(operation, { ...input, ReturnConsumedCapacity: 'TOTAL' });
      seen.push(`outer saw ${JSON.stringify(output.ConsumedCapacity)}`);
      return output;
    });
    client.use((next) => async (operation, input) => (seen.push(`inner ${'ReturnConsumedCapacity' in input}`), next(operation, input)));
    await client.send(new GetCommand({ TableName: 't', Key: { pk: 'a', sk: 'b' } }));
    expect(seen).toEqual(['outer GetItem', 'inner true', 'outer saw {"CapacityUnits":1}']);
    expect(sent[0]!.body).toMatchObject({ ReturnConsumedCapacity: 'TOTAL' });
  });
});

describe('where the table is', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('is DynamoDB’s regional endpoint in Lambda, with the function’s own credentials', () => {
    vi.stubEnv('AWS_REGION', 'eu-central-1');
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'ASIAEXAMPLE');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'secret');
    vi.stubEnv('AWS_SESSION_TOKEN', 'token');
    vi.stubEnv('AWS_ENDPOINT_URL_DYNAMODB', undefined);
    expect(dynamoFromEnvironment()).toEqual({
      region: 'eu-central-1',
      endpoint: 'https://dynamodb.eu-central-1.amazonaws.com',
      credentials: { accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 'secret', sessionToken: 'token' },
    });
  });

  it('is AWS_ENDPOINT_URL_DYNAMODB where that is set (the local stack sets it)', () => {
    vi.stubEnv('AWS_REGION', 'eu-central-1');
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'S3RVER');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'S3RVER');
    vi.stubEnv('AWS_ENDPOINT_URL_DYNAMODB', 'http://127.0.0.1:8123');
    expect(dynamoFromEnvironment().endpoint).toBe('http://127.0.0.1:8123');
  });
});
