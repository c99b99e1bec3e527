import { Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import {
  AccountRecovery,
  Mfa,
  UserPool,
  UserPoolClient,
  UserPoolEmail,
  type IUserPool,
} from 'aws-cdk-lib/aws-cognito';
import { AttributeType, BillingMode, StreamViewType, Table } from 'aws-cdk-lib/aws-dynamodb';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { bucketDefinition } from '../lib/adapters/s3/bucket-definition.js';
import { tableDefinition } from '../lib/adapters/dynamodb/table-definition.js';
import { platforms, type Platform } from '../lib/domain/platform.js';
import type { StageConfig } from './stage-config.js';

export interface DataStackProps extends StackProps {
  config: StageConfig;
}

/** The stateful part: table, bucket, user pool. Everything here is retained on stack deletion. */
export class DataStack extends Stack {
  readonly table: Table;
  readonly bucket: Bucket;
  readonly userPool: IUserPool;
  readonly appClientIds: Record<Platform, string>;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    const { config } = props;
    const string = AttributeType.STRING;

    this.table = new Table(this, 'Table', {
      partitionKey: { name: tableDefinition.partitionKey, type: string },
      sortKey: { name: tableDefinition.sortKey, type: string },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      stream: StreamViewType.NEW_AND_OLD_IMAGES,
      timeToLiveAttribute: tableDefinition.timeToLiveAttribute,
      deletionProtection: config.deletionProtection,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of tableDefinition.globalIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: { name: index.partitionKey, type: string },
        sortKey: { name: index.sortKey, type: string },
      });
    }

    this.bucket = new Bucket(this, 'Attachments', {
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
      ],
    });

    const userPool = new UserPool(this, 'Users', {
      // The agency invites people; nobody signs up on their own.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true }, fullname: { required: false, mutable: true } },
      passwordPolicy: { minLength: 12, requireLowercase: true, requireUppercase: true, requireDigits: true, requireSymbols: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { sms: false, otp: true },
      userInvitation: {
        emailSubject: 'Your orderdesk helpdesk account',
        emailBody: 'You were invited to the helpdesk. Log in with {username} and the temporary password {####}.',
      },
      email: config.mailFrom ? UserPoolEmail.withSES({ fromEmail: config.mailFrom, sesVerifiedDomain: config.mailFrom.split('@')[1] }) : undefined,
      deletionProtection: config.deletionProtection,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.userPool = userPool;

    const clients = platforms.map((platform) => {
      const client = new UserPoolClient(this, `${platform[0]!.toUpperCase()}${platform.slice(1)}Client`, {
        userPool,
        userPoolClientName: platform,
        generateSecret: false,
        authFlows: { userSrp: true, userPassword: true },
        preventUserExistenceErrors: true,
        idTokenValidity: Duration.hours(1),
        accessTokenValidity: Duration.hours(1),
        refreshTokenValidity: Duration.days(30),
        enableTokenRevocation: true,
      });
      return [platform, client.userPoolClientId] as const;
    });
    this.appClientIds = Object.fromEntries(clients) as Record<Platform, string>;
  }
}
