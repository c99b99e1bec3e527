import { DescribeTableCommand, DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type DynamoDBStreamsClient,
  type Shard,
  type ShardIteratorType,
} from '@aws-sdk/client-dynamodb-streams';

/** The table's stream, if it has one enabled. */
export const latestStreamArn = async (clientConfig: DynamoDBClientConfig, tableName: string): Promise<string | undefined> => {
  const dynamodb = new DynamoDBClient(clientConfig);
  try {
    const { Table } = await dynamodb.send(new DescribeTableCommand({ TableName: tableName }));
    return Table?.StreamSpecification?.StreamEnabled ? Table.LatestStreamArn : undefined;
  } finally {
    dynamodb.destroy();
  }
};

export type StreamApi = ReturnType<typeof streamApi>;

/** The Streams API calls the pollers make, on one stream, each abandoned once `signal` aborts. */
export const streamApi = (streams: DynamoDBStreamsClient, streamArn: string, signal: AbortSignal) => ({
  allShards: async () => {
    const found: Shard[] = [];
    let from: string | undefined;
    do {
      const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: from }), { abortSignal: signal });
      found.push(...(StreamDescription?.Shards ?? []));
      from = StreamDescription?.LastEvaluatedShardId;
    } while (from);
    return found;
  },

  iteratorOf: async (shardId: string, type: ShardIteratorType, sequenceNumber?: string) =>
    (
      await streams.send(
        new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shardId, ShardIteratorType: type, SequenceNumber: sequenceNumber }),
        { abortSignal: signal },
      )
    ).ShardIterator,

  records: (iterator: string) => streams.send(new GetRecordsCommand({ ShardIterator: iterator }), { abortSignal: signal }),
});
