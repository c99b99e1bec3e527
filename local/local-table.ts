import { DocumentClient } from '../lib/adapters/dynamodb/document-client.js';
import { localCredentials, localRegion } from './local-aws.js';

/**
 * The functions' own DynamoDB client (lib/adapters/dynamodb/document-client.ts) pointed at DynamoDB
 * Local, for whatever writes or reads through the stores outside a function: the demo seed,
 * provisioning, tests. Tooling that reads the table raw keeps the SDK.
 */
export const localDocumentClient = (endpoint: string): DocumentClient => new DocumentClient(() => ({ endpoint, region: localRegion, credentials: localCredentials }));
