import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { EnvName, readEnv } from '../../config/env.js';

/** One client per process, reused across invocations. The endpoint comes from the SDK's own
 * AWS_ENDPOINT_URL_DYNAMODB where one is set (the local stack does). */
export const documentClient = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
  marshallOptions: { removeUndefinedValues: true },
});

export const tableName = (): string => readEnv(EnvName.tableName, z.string().min(1));
