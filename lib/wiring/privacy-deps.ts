import { cognitoAccountDirectory } from '../adapters/cognito/account-directory.js';
import { documentClient, tableName } from '../adapters/dynamodb/document-client.js';
import { dynamoPersonDataStore } from '../adapters/dynamodb/person-data-store.js';
import { s3ObjectRemover } from '../adapters/s3/file-store.js';
import type { ErasureDeps } from '../services/ports/privacy.js';
import { organisations, serviceDeps, users } from './service-deps.js';

/** Erasing a person: the people's deps, everything stored about them, their login (Cognito), the raw mail they sent (S3). */
export const erasureDeps: ErasureDeps = {
  ...serviceDeps,
  organisations,
  people: users,
  accounts: cognitoAccountDirectory(),
  personData: dynamoPersonDataStore(documentClient, tableName),
  files: s3ObjectRemover(),
};
