import type { _Record as SdkRecord } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { startStreamPollers } from '../../../local/stream-poller.js';
import { retryFrom, toLambdaRecord } from '../../../local/stream-records.js';

const source = {
  eventSourceARN: 'arn:aws:dynamodb:ddblocal:000000000000:table/orderdesk/stream/2026-11-25T20:25:24.099',
  awsRegion: 'eu-central-1',
};

describe('a stream record as Lambda hands it over', () => {
  it('carries an INSERT in DynamoDB JSON with the creation time in epoch seconds and binary as base64', () => {
    // As the SDK returns it from DynamoDB Local: a Date, Uint8Arrays, the local region.
    const record: SdkRecord = {
      eventID: 'adbcc759-0512-4348-bc97-c1c1282586c9',
      eventName: 'INSERT',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'ddblocal',
      dynamodb: {
        ApproximateCreationDateTime: new Date('2026-11-25T20:25:00.000Z'),
        Keys: { pk: { S: 'REQ#2026-0042' }, sk: { S: 'TL#0001' } },
        NewImage: {
          pk: { S: 'REQ#2026-0042' },
          sk: { S: 'TL#0001' },
          entity: { S: 'timeline' },
          version: { N: '3' },
          seen: { BOOL: false },
          gone: { NULL: true },
          tags: { SS: ['a', 'b'] },
          sizes: { NS: ['1', '2'] },
          digest: { B: new Uint8Array([1, 2, 3, 250]) },
          parts: { BS: [new Uint8Array([104, 105]), new Uint8Array([])] },
          details: { M: { from: { S: 'queued' }, blob: { B: new Uint8Array([0]) }, list: { L: [{ N: '1' }, { B: new Uint8Array([255]) }] } } },
        },
        SequenceNumber: '000000000000000000002',
        SizeBytes: 19,
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
    };
    const expected: DynamoDBRecord = {
      eventID: 'adbcc759-0512-4348-bc97-c1c1282586c9',
      eventName: 'INSERT',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'eu-central-1',
      dynamodb: {
        ApproximateCreationDateTime: 1795638300,
        Keys: { pk: { S: 'REQ#2026-0042' }, sk: { S: 'TL#0001' } },
        NewImage: {
          pk: { S: 'REQ#2026-0042' },
          sk: { S: 'TL#0001' },
          entity: { S: 'timeline' },
          version: { N: '3' },
          seen: { BOOL: false },
          gone: { NULL: true },
          tags: { SS: ['a', 'b'] },
          sizes: { NS: ['1', '2'] },
          digest: { B: 'AQID+g==' },
          parts: { BS: ['aGk=', ''] },
          details: { M: { from: { S: 'queued' }, blob: { B: 'AA==' }, list: { L: [{ N: '1' }, { B: '/w==' }] } } },
        },
        SequenceNumber: '000000000000000000002',
        SizeBytes: 19,
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
      eventSourceARN: source.eventSourceARN,
    };
    const converted = toLambdaRecord(record, source);
    expect(converted).toStrictEqual(expected);
    // What a handler gets is plain JSON: the same after a round trip, no absent images as undefined keys.
    expect(JSON.parse(JSON.stringify(converted))).toStrictEqual(converted);
    expect(Object.keys(converted.dynamodb!)).not.toContain('OldImage');
  });

  it('carries an empty map, which the Streams client answers as an empty object, as an empty map', () => {
    const record: SdkRecord = {
      eventID: 'e1',
      eventName: 'INSERT',
      dynamodb: {
        Keys: { pk: { S: 'REQ#2026-0042' }, sk: { S: 'TL#0002' } },
        // {"M":{}} on the wire; nested too.
        NewImage: { pk: { S: 'REQ#2026-0042' }, details: {} as never, list: { L: [{ M: { inner: {} as never } }] } },
        SequenceNumber: '200',
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
    };
    expect(toLambdaRecord(record, source).dynamodb?.NewImage).toEqual({ pk: { S: 'REQ#2026-0042' }, details: { M: {} }, list: { L: [{ M: { inner: { M: {} } } }] } });
  });

  it('carries a REMOVE with only its keys and old image, and what TTL deleted with its user identity', () => {
    const record: SdkRecord = {
      eventID: 'e2',
      eventName: 'REMOVE',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'ddblocal',
      dynamodb: {
        ApproximateCreationDateTime: new Date(1_767_225_600_000),
        Keys: { pk: { S: 'IDEM#k' }, sk: { S: 'IDEM' } },
        OldImage: { pk: { S: 'IDEM#k' }, sk: { S: 'IDEM' }, expiresAt: { N: '1767225000' } },
        SequenceNumber: '300',
        SizeBytes: 40,
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
      userIdentity: { Type: 'Service', PrincipalId: 'dynamodb.amazonaws.com' },
    };
    expect(toLambdaRecord(record, source)).toStrictEqual({
      eventID: 'e2',
      eventName: 'REMOVE',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'eu-central-1',
      dynamodb: {
        ApproximateCreationDateTime: 1767225600,
        Keys: { pk: { S: 'IDEM#k' }, sk: { S: 'IDEM' } },
        OldImage: { pk: { S: 'IDEM#k' }, sk: { S: 'IDEM' }, expiresAt: { N: '1767225000' } },
        SequenceNumber: '300',
        SizeBytes: 40,
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
      eventSourceARN: source.eventSourceARN,
      userIdentity: { type: 'Service', principalId: 'dynamodb.amazonaws.com' },
    });
  });
});

describe('a partial batch response', () => {
  const batch: DynamoDBRecord[] = ['100', '200', '300'].map((SequenceNumber) => ({ eventName: 'INSERT', dynamodb: { SequenceNumber } }));

  it('is a success without failures: no answer, no list, an empty list', () => {
    for (const answer of [undefined, null, {}, { batchItemFailures: [] }, { batchItemFailures: null }, 'done']) expect(retryFrom(answer, batch)).toBeUndefined();
  });

  it('retries from the lowest sequence number reported', () => {
    expect(retryFrom({ batchItemFailures: [{ itemIdentifier: '200' }] }, batch)).toBe(1);
    expect(retryFrom({ batchItemFailures: [{ itemIdentifier: '300' }, { itemIdentifier: '200' }] }, batch)).toBe(1);
    expect(retryFrom({ batchItemFailures: [{ itemIdentifier: '100' }] }, batch)).toBe(0);
  });

  it('fails the whole batch for an identifier that is empty, missing or of no record of the batch', () => {
    for (const failure of [{ itemIdentifier: '' }, { itemIdentifier: null }, {}, { itemIdentifier: '999' }, { ItemIdentifier: '200' }]) {
      expect(retryFrom({ batchItemFailures: [{ itemIdentifier: '300' }, failure] }, batch)).toBe(0);
    }
  });
});

describe('stream pollers without a table-stream function', () => {
  it('do nothing: no client, no request, nothing to stop', async () => {
    const lines: string[] = [];
    const pollers = await startStreamPollers({
      // Nothing listens there: any request would fail.
      endpoint: 'http://127.0.0.1:9',
      tableName: 'no-such-table',
      functions: [{ name: 'take-workflow-step', trigger: { kind: 'workflow-task' } }],
      invoke: () => Promise.reject(new Error('not to be called')),
      log: (line) => lines.push(line),
    });
    await pollers.idle();
    await pollers.stop();
    expect(lines).toEqual([]);
  });
});
