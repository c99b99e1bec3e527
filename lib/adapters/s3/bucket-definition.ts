/** The attachments bucket's CORS rules as data, so browsers can PUT to presigned URLs. The CDK
 * data stack and the local S3 server apply the same rules. */
export const bucketDefinition = {
  localName: 'orderdesk-attachments',
  cors: {
    allowedMethods: ['GET', 'PUT', 'POST', 'HEAD'],
    allowedHeaders: ['*'],
    exposedHeaders: ['ETag'],
    maxAgeSeconds: 3000,
  },
} as const;
