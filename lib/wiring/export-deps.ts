import { documentClient, tableName } from '../adapters/dynamodb/document-client.js';
import { dynamoPersonDataStore } from '../adapters/dynamodb/person-data-store.js';
import { s3FileStore } from '../adapters/s3/file-store.js';
import type { ExportDeps } from '../services/ports/privacy.js';
import { serviceDeps } from './service-deps.js';

/** Exporting a person: everything stored about them, and S3 to hand the document over (the export route only). */
export const exportDeps: ExportDeps = {
  ...serviceDeps,
  personData: dynamoPersonDataStore(documentClient, tableName),
  exports: s3FileStore(),
};
