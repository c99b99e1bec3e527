import { Duration, RemovalPolicy, type Stack } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { bucketDefinition } from '../../lib/adapters/s3/bucket-definition.js';
import { acknowledge } from '../acknowledge.js';
import { filesBucketName, type StageConfig } from '../stage-config.js';

/**
 * The attachments bucket (clients' files, orders, and the mail SES receives under `mail/`), as the
 * shared definition says, versioned and retained; and the bucket its access logs go to. Made
 * directly in `stack`. Returns the attachments bucket.
 */
export const addBuckets = (stack: Stack, config: StageConfig): Bucket => {
  // Who read and wrote which object, kept a year (S3 server access logs): the attachments are
  // clients' files and orders. A log bucket logs nothing itself.
  const accessLogs = new Bucket(stack, 'AccessLogs', {
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    encryption: BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
    lifecycleRules: [{ expiration: Duration.days(365) }],
    removalPolicy: RemovalPolicy.RETAIN,
  });
  acknowledge(accessLogs, 'AwsSolutions-S1', 'It is the access log bucket of the attachments bucket; logging its own access would log the logging');

  const bucket = new Bucket(stack, 'Attachments', {
    bucketName: filesBucketName(config.stage, stack),
    serverAccessLogsBucket: accessLogs,
    serverAccessLogsPrefix: 'attachments/',
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    encryption: BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
    versioned: true,
    // Tells EventBridge of new objects, e.g. mail SES received under mail/ for the inbound-mail function.
    eventBridgeEnabled: true,
    removalPolicy: RemovalPolicy.RETAIN,
    cors: [
      {
        allowedOrigins: config.portalOrigins,
        allowedMethods: bucketDefinition.cors.allowedMethods.map((method) => HttpMethods[method]),
        allowedHeaders: [...bucketDefinition.cors.allowedHeaders],
        exposedHeaders: [...bucketDefinition.cors.exposedHeaders],
        maxAge: bucketDefinition.cors.maxAgeSeconds,
      },
    ],
    lifecycleRules: [
      { abortIncompleteMultipartUploadAfter: Duration.days(1), noncurrentVersionExpiration: Duration.days(90) },
      // Uploads are copied to orgs/ on confirmation; whatever stays under uploads/ is swept up,
      // every version of it (S3 then also removes the delete markers left behind).
      {
        id: 'ExpireUploads',
        prefix: bucketDefinition.uploads.prefix,
        expiration: Duration.days(bucketDefinition.uploads.expireAfterDays),
        noncurrentVersionExpiration: Duration.days(bucketDefinition.uploads.expireAfterDays),
      },
      // A person's export holds everything stored about them: gone a day after it was made,
      // every version of it (its download link works 15 minutes).
      {
        id: 'ExpireExports',
        prefix: bucketDefinition.exports.prefix,
        expiration: Duration.days(bucketDefinition.exports.expireAfterDays),
        noncurrentVersionExpiration: Duration.days(bucketDefinition.exports.expireAfterDays),
      },
      // An infected file, out of reach: kept a while to be looked into (it may hold someone's
      // personal data too), then gone, every version of it.
      {
        id: 'ExpireQuarantine',
        prefix: bucketDefinition.quarantine.prefix,
        expiration: Duration.days(bucketDefinition.quarantine.expireAfterDays),
        noncurrentVersionExpiration: Duration.days(bucketDefinition.quarantine.expireAfterDays),
      },
    ],
  });

  // CDK's own function that turns on the bucket's EventBridge notifications at deploy time (a
  // singleton of the stack, made with the bucket above).
  const notifications = stack.node.tryFindChild('BucketNotificationsHandler050a0587b7544547bf325f094a3db834');
  if (notifications) {
    const why = 'CDK’s deploy-time handler that turns on the bucket’s EventBridge notifications; CDK makes it and its role';
    acknowledge(notifications, 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', why);
    acknowledge(notifications, 'AwsSolutions-IAM5[Resource::*]', `${why}: s3:PutBucketNotification on the bucket it is given at deploy time`);
    acknowledge(notifications, 'Serverless-LambdaDLQ', `${why}: CloudFormation calls it and fails the deploy if it fails`);
  }
  return bucket;
};
