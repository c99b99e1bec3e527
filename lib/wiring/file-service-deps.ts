import type { FileServiceDeps } from '../services/ports/deps.js';
import { s3FileStore } from '../adapters/s3/file-store.js';
import { serviceDeps } from './service-deps.js';

/** Request dependencies plus S3, for the attachment routes only (keeps S3 out of other bundles). */
export const fileServiceDeps: FileServiceDeps = { ...serviceDeps, files: s3FileStore() };
