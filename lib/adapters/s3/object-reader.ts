import type { OrderDocuments } from '../../services/ports/mail.js';
import { readObject, s3FromEnvironment, type S3Environment } from './file-store.js';

/**
 * Reads whole objects with one SigV4-signed GET (no S3 client: the notifier's bundle stays
 * small). A function reads only the prefixes it is granted; S3 answers 403 for a missing key to
 * those who may not list, so any refusal is an error here, with its status.
 */
export const s3ObjectReader = (env: S3Environment = s3FromEnvironment): OrderDocuments => ({
  read: (key) => readObject(env, key),
});
