/** Credentials and region every local client uses. s3rver checks signatures against S3RVER/S3RVER;
 * the other local services accept any key, and DynamoDB Local (with -sharedDb) ignores it. */
export const localCredentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
export const localRegion = 'eu-central-1';
