import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { EnvName, readEnv } from '../../config/env.js';
import { traced } from '../../observability/tracer.js';
import { translateSdkError } from './sdk-errors.js';

/**
 * The document client every store uses: undefined attributes dropped, and the SDK's load and
 * contention errors turned into domain errors for every command, in one place.
 */
export const toDocumentClient = (client: DynamoDBClient): DynamoDBDocumentClient => {
  const documents = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  documents.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        throw translateSdkError(error);
      }
    },
    // The document client shares its client's stack: wrapping one client twice replaces, not duplicates.
    { step: 'initialize', name: 'orderdeskDomainErrors', override: true },
  );
  return documents;
};

/** One client per process, reused across invocations, traced when tracing is on. The endpoint
 * comes from the SDK's own AWS_ENDPOINT_URL_DYNAMODB where one is set (the local stack does). */
export const documentClient = toDocumentClient(traced(new DynamoDBClient({})));

export const tableName = (): string => readEnv(EnvName.tableName, z.string().min(1));
