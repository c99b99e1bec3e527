import { ArnFormat, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnUserPool,
  Mfa,
  UserPool,
  UserPoolClient,
  UserPoolEmail,
  type IUserPool,
} from 'aws-cdk-lib/aws-cognito';
import { AttributeType, BillingMode, StreamViewType, Table } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { EventBus } from 'aws-cdk-lib/aws-events';
import { ConfigurationSet, EmailSendingEvent, EventDestination, ReceiptRuleSet } from 'aws-cdk-lib/aws-ses';
import type { Construct } from 'constructs';
import { bucketDefinition } from '../lib/adapters/s3/bucket-definition.js';
import { tableDefinition } from '../lib/adapters/dynamodb/table-definition.js';
import { mailPrefix, type SecretName } from '../lib/config/access.js';
import { platforms, type Platform } from '../lib/domain/platform.js';
import type { FunctionDefinition } from '../lib/functions/definition.js';
import { logicalIdOf } from './logical-id.js';
import { OrderdeskFunction } from './orderdesk-function.js';
import type { StageConfig } from './stage-config.js';

/**
 * The entries of the function table that the data stack makes, not the functions stack: the user
 * pool's triggers, which the pool names.
 */
export const isDataStackFunction = (definition: Pick<FunctionDefinition, 'trigger'>): boolean => definition.trigger.kind === 'cognito-custom-message';

/** The secret the stack generates: the key that signs links in mail. */
const mailLinksSecret: SecretName = 'mail-links';
/** The secret the payment provider and orderdesk share; the operator puts the provider's value in it. */
const paymentWebhookSecret: SecretName = 'payment-webhook';

export interface DataStackProps extends StackProps {
  config: StageConfig;
  /** The function-table entries for which `isDataStackFunction` holds: at most one custom-message trigger. */
  functions: readonly FunctionDefinition[];
}

/**
 * The stateful part: table, bucket, user pool, the generated mail-links secret. Everything
 * stateful here is retained on stack deletion. Also the user pool's custom-message function.
 */
export class DataStack extends Stack {
  readonly table: Table;
  readonly bucket: Bucket;
  readonly userPool: IUserPool;
  readonly appClientIds: Record<Platform, string>;
  readonly mailLinksSecret: Secret;
  readonly paymentWebhookSecret: Secret;
  /** Receives the stage's inbound domain: its one rule stores each mail under the bucket's `mail/`. */
  readonly inboundRuleSet: ReceiptRuleSet;
  /** The entries this stack makes (the user pool's triggers), by name; the functions stack has the others. */
  readonly functions = new Map<string, OrderdeskFunction>();

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
      // Only a sender named in the context is a verified identity; the stage's placeholder is not.
      email: config.mailFromGiven ? UserPoolEmail.withSES({ fromEmail: config.mailFrom, sesVerifiedDomain: config.mailFrom.split('@')[1] }) : undefined,
      deletionProtection: config.deletionProtection,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.userPool = userPool;

    // Here, deployed first, because every mail names it (MAIL_CONFIGURATION_SET), a route's as much
    // as the notifier's; it publishes bounces and complaints to the default bus (SES's only choice).
    const mailConfigurationSet = new ConfigurationSet(this, 'MailConfigurationSet', { configurationSetName: config.mailConfigurationSet });
    mailConfigurationSet.addEventDestination('BouncesAndComplaints', {
      destination: EventDestination.eventBus(EventBus.fromEventBusName(this, 'DefaultBus', 'default')),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
    });

    // Receiving: mail to the stage's inbound domain (replies to `reply+<token>@` it) is stored raw
    // under mail/, where the bucket's EventBridge notification hands it to the inbound-mail
    // function (FunctionsStack). SES prepends its verdicts (Authentication-Results, spam, virus);
    // the function trusts only those. Note: a receipt rule set does nothing until it is the
    // region's active one, and only one is; CloudFormation cannot make it so. Once per account
    // and region, after the first deploy:
    //   aws ses set-active-receipt-rule-set --rule-set-name orderdesk-<stage>-inbound
    // (and an MX record of the inbound domain pointing at inbound-smtp.<region>.amazonaws.com).
    const ruleSetName = `orderdesk-${config.stage}-inbound`;
    const ruleName = `orderdesk-${config.stage}-replies`;
    this.inboundRuleSet = new ReceiptRuleSet(this, 'InboundMail', { receiptRuleSetName: ruleSetName });
    // SES may write under mail/ only, and only for this account's rule (not CDK's S3 action,
    // whose statement names the account alone).
    const { policyDependable } = this.bucket.addToResourcePolicy(
      new PolicyStatement({
        sid: 'SesStoresInboundMail',
        principals: [new ServicePrincipal('ses.amazonaws.com')],
        actions: ['s3:PutObject'],
        resources: [this.bucket.arnForObjects(`${mailPrefix}*`)],
        conditions: {
          StringEquals: {
            'aws:SourceAccount': this.account,
            'aws:SourceArn': this.formatArn({ service: 'ses', resource: 'receipt-rule-set', resourceName: `${ruleSetName}:receipt-rule/${ruleName}`, arnFormat: ArnFormat.SLASH_RESOURCE_NAME }),
          },
        },
      }),
    );
    const rule = this.inboundRuleSet.addRule('Replies', {
      receiptRuleName: ruleName,
      recipients: [config.inboundDomain],
      // Spam and virus scanning: their verdicts come as X-SES-Spam-Verdict and X-SES-Virus-Verdict.
      scanEnabled: true,
      actions: [{ bind: () => ({ s3Action: { bucketName: this.bucket.bucketName, objectKeyPrefix: mailPrefix } }) }],
    });
    // SES checks that it may write (a test object) when the rule is made: the policy comes first.
    if (policyDependable) rule.node.addDependency(policyDependable);

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

    this.mailLinksSecret = new Secret(this, 'MailLinksSecret', {
      secretName: `${config.secretsPrefix}${mailLinksSecret}`,
      description: 'Signs the links in orderdesk mail (unsubscribe, open); generated by CloudFormation, never stored by hand',
      // Letters and digits: read as UTF-8 bytes, the same key whatever reads it.
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      // Replacing it would invalidate every link already mailed.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.paymentWebhookSecret = new Secret(this, 'PaymentWebhookSecret', {
      secretName: `${config.secretsPrefix}${paymentWebhookSecret}`,
      description: 'Signs the payment provider’s webhook deliveries (HMAC-SHA256). Generated so the stack deploys; put the provider’s value in it (README, "Payments")',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const resources = { table: this.table, bucket: this.bucket, userPool, appClientIds: this.appClientIds };
    const names = (definitions: readonly FunctionDefinition[]) => definitions.map((definition) => definition.name).join(', ');
    const others = props.functions.filter((definition) => !isDataStackFunction(definition));
    if (others.length > 0) throw new Error(`The data stack makes user pool triggers only, not ${names(others)}`);
    if (props.functions.length > 1) throw new Error(`A user pool has one custom-message trigger, not ${names(props.functions)}`);
    for (const definition of props.functions) {
      const fn = new OrderdeskFunction(this, logicalIdOf(definition.name), {
        name: definition.name,
        access: definition.access,
        resources,
        stage: config,
        functionName: config.cognitoMessageFunctionName,
      });
      // By ARN from the fixed name, through the L1: the function's settings name the app clients,
      // which name the pool, so a reference from the pool to the function would be a cycle.
      const arn = this.formatArn({
        service: 'lambda',
        resource: 'function',
        resourceName: config.cognitoMessageFunctionName,
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      });
      (userPool.node.defaultChild as CfnUserPool).lambdaConfig = { customMessage: arn };
      fn.addPermission('CognitoInvoke', { principal: new ServicePrincipal('cognito-idp.amazonaws.com'), sourceArn: userPool.userPoolArn });
      this.functions.set(definition.name, fn);
    }
  }
}
