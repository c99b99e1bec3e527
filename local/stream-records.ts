import type { AttributeValue as SdkAttributeValue, _Record as SdkRecord } from '@aws-sdk/client-dynamodb-streams';
import type { AttributeValue, DynamoDBRecord } from 'aws-lambda';

/** DynamoDB Streams records as Lambda hands them to a function, and what a function's answer asks to retry. */

type Image = Record<string, AttributeValue>;

const base64 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

/** An attribute value as Lambda hands it over: DynamoDB JSON, binary as base64 text. */
const toLambdaValue = (value: SdkAttributeValue): AttributeValue => {
  if (value.B !== undefined) return { B: base64(value.B) };
  if (value.BS !== undefined) return { BS: value.BS.map(base64) };
  if (value.L !== undefined) return { L: value.L.map(toLambdaValue) };
  if (value.M !== undefined) return { M: toLambdaImage(value.M) };
  if (value.S !== undefined) return { S: value.S };
  if (value.N !== undefined) return { N: value.N };
  if (value.SS !== undefined) return { SS: [...value.SS] };
  if (value.NS !== undefined) return { NS: [...value.NS] };
  if (value.BOOL !== undefined) return { BOOL: value.BOOL };
  if (value.NULL !== undefined) return { NULL: value.NULL };
  // The Streams client answers an empty map (`{"M":{}}` on the wire) as an empty object: measured
  // against DynamoDB Local. Thrown, it stalled the whole shard for every stream function.
  if (Object.keys(value).length === 0) return { M: {} };
  throw new Error(`unknown attribute value: ${JSON.stringify(value)}`);
};

const toLambdaImage = (image: Record<string, SdkAttributeValue>): Image =>
  Object.fromEntries(Object.entries(image).map(([name, value]) => [name, toLambdaValue(value)]));

/**
 * A record of the DynamoDB Streams API (as the SDK returns it) as Lambda puts it in a
 * `DynamoDBStreamEvent`: the creation time in epoch seconds, binary attributes in base64, the
 * stream's ARN as `eventSourceARN` and the function's region as `awsRegion` (DynamoDB Local says
 * `ddblocal`). Absent fields stay absent, as in Lambda's JSON.
 */
export const toLambdaRecord = (record: SdkRecord, source: { eventSourceARN: string; awsRegion: string }): DynamoDBRecord => {
  const stream = record.dynamodb ?? {};
  return {
    ...(record.eventID !== undefined ? { eventID: record.eventID } : {}),
    ...(record.eventName !== undefined ? { eventName: record.eventName } : {}),
    ...(record.eventVersion !== undefined ? { eventVersion: record.eventVersion } : {}),
    eventSource: 'aws:dynamodb',
    awsRegion: source.awsRegion,
    dynamodb: {
      ...(stream.ApproximateCreationDateTime ? { ApproximateCreationDateTime: stream.ApproximateCreationDateTime.getTime() / 1000 } : {}),
      ...(stream.Keys ? { Keys: toLambdaImage(stream.Keys) } : {}),
      ...(stream.NewImage ? { NewImage: toLambdaImage(stream.NewImage) } : {}),
      ...(stream.OldImage ? { OldImage: toLambdaImage(stream.OldImage) } : {}),
      ...(stream.SequenceNumber !== undefined ? { SequenceNumber: stream.SequenceNumber } : {}),
      ...(stream.SizeBytes !== undefined ? { SizeBytes: stream.SizeBytes } : {}),
      ...(stream.StreamViewType !== undefined ? { StreamViewType: stream.StreamViewType } : {}),
    },
    eventSourceARN: source.eventSourceARN,
    // Only on what TTL deleted; Lambda spells it { type: 'Service', principalId: 'dynamodb.amazonaws.com' }.
    ...(record.userIdentity ? { userIdentity: { type: record.userIdentity.Type, principalId: record.userIdentity.PrincipalId } } : {}),
  };
};

/**
 * Where a handler's answer to a batch leaves it (Lambda's partial batch response for streams):
 * `undefined` when all went through (no answer, no or an empty `batchItemFailures`), else the
 * index in the batch to retry from, the lowest reported; `0` as well when a failure names no
 * record of the batch, which Lambda takes as the whole batch failing.
 */
export const retryFrom = (result: unknown, batch: readonly DynamoDBRecord[]): number | undefined => {
  if (typeof result !== 'object' || result === null || !('batchItemFailures' in result)) return undefined;
  const failures = result.batchItemFailures;
  if (!Array.isArray(failures) || failures.length === 0) return undefined;
  const indexes = failures.map((failure: unknown) => {
    const id = typeof failure === 'object' && failure !== null && 'itemIdentifier' in failure ? failure.itemIdentifier : undefined;
    return typeof id === 'string' && id !== '' ? batch.findIndex((record) => record.dynamodb?.SequenceNumber === id) : -1;
  });
  return indexes.includes(-1) ? 0 : Math.min(...indexes);
};
