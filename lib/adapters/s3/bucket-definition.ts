import { exportPrefix } from '../../config/access.js';
import { quarantinePrefix, uploadPrefix } from '../../domain/attachment-rules.js';

/** The attachments bucket's CORS rules as data, so browsers can PUT to presigned URLs. The CDK
 * data stack and the local S3 server apply the same rules. */
export const bucketDefinition = {
  localName: 'orderdesk-attachments',
  /** What a confirmation leaves under uploads/ (it removes the upload, best effort), or an upload
   * never confirmed, expires after this many days (a lifecycle rule of the deployed bucket). */
  uploads: { prefix: uploadPrefix, expireAfterDays: 1 },
  /** A person's export (docs/privacy.md): its link works 15 minutes, the file expires after this many days, every version of it. */
  exports: { prefix: exportPrefix, expireAfterDays: 1 },
  /** A file the malware scan found infected (moved there, readable by no function): kept this many days for the agency to look into, then gone, every version of it. */
  quarantine: { prefix: quarantinePrefix, expireAfterDays: 90 },
  cors: {
    allowedMethods: ['GET', 'PUT', 'POST', 'HEAD'],
    allowedHeaders: ['*'],
    exposedHeaders: ['ETag'],
    maxAgeSeconds: 3000,
  },
} as const;
