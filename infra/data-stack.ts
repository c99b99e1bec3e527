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
import { MathExpression, Metric } from 'aws-cdk-lib/aws-cloudwatch';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import { bucketDefinition } from '../lib/adapters/s3/bucket-definition.js';
import { tableDefinition } from '../lib/adapters/dynamodb/table-definition.js';
import { mailPrefix, type SecretName } from '../lib/config/access.js';
import { platforms, type Platform } from '../lib/domain/platform.js';
import type { FunctionDefinition } from '../lib/lambda/definition.js';
import { acknowledge } from './acknowledge.js';
import { alarm, alarmPeriod } from './alarms.js';
import { logicalIdOf } from './logical-id.js';
import { OrderdeskFunction } from './orderdesk-function.js';
import { filesBucketName, type StageConfig } from './stage-config.js';

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
  /** Every alarm of the stage tells this topic; the context's `alarmEmail` is subscribed. */
  readonly alarms: Topic;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    const { config } = props;
    const string = AttributeType.STRING;

    // Deployed first, so every stack's alarms can name it.
    this.alarms = new Topic(this, 'Alarms', { topicName: `orderdesk-${config.stage}-alarms`, displayName: `orderdesk ${config.stage} alarms`, enforceSSL: true });
    acknowledge(
      this.alarms,
      'AwsSolutions-SNS2',
      'An alarm notification holds an alarm’s name and state, no personal data; CloudWatch cannot publish to a topic encrypted with the AWS-managed SNS key, and a customer-managed key would cost more than it protects',
    );
    if (config.alarmEmail) {
      const subscription = this.alarms.addSubscription(new EmailSubscription(config.alarmEmail));
      acknowledge(
        subscription,
        'Serverless-SNSRedrivePolicy',
        'What SNS cannot deliver here is an alarm mail to the operator’s own address; the alarm itself stays in CloudWatch (console, dashboard), where a queue of missed alarm mails would add nothing',
      );
    }

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
    // On demand, a throttled request means a hot partition or a sudden burst past the table's
    // previous peak: either is worth a look, the first at once.
    const throttled = (name: string) => this.table.metric(name, { statistic: 'Sum', period: alarmPeriod });
    alarm(this, 'TableThrottledAlarm', this.alarms, {
      metric: new MathExpression({ expression: 'reads + writes', usingMetrics: { reads: throttled('ReadThrottleEvents'), writes: throttled('WriteThrottleEvents') }, period: alarmPeriod, label: 'Throttled requests' }),
      threshold: 1,
      description: 'DynamoDB throttled requests to the orderdesk table in the last 5 minutes: a hot partition or a burst past the on-demand peak',
    });

    // Who read and wrote which object, kept a year (S3 server access logs): the attachments are
    // clients' files and orders. A log bucket logs nothing itself.
    const accessLogs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(accessLogs, 'AwsSolutions-S1', 'It is the access log bucket of the attachments bucket; logging its own access would log the logging');

    this.bucket = new Bucket(this, 'Attachments', {
      bucketName: filesBucketName(config.stage, this),
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
      ],
    });

    const userPool = new UserPool(this, 'Users', {
      // The agency invites people; nobody signs up on their own.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true }, fullname: { required: false, mutable: true } },
      passwordPolicy: { minLength: 12, requireLowercase: true, requireUppercase: true, requireDigits: true, requireSymbols: true },
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
    acknowledge(
      userPool,
      'AwsSolutions-COG2',
      'MFA is offered (TOTP) and required of nobody: clients log in now and then to decide on offers and deliveries, by invitation only (no self sign-up); the agency may require it per person',
    );
    acknowledge(
      userPool,
      'AwsSolutions-COG8',
      'The Plus plan’s threat protection is billed per active user; an invitation-only pool whose app clients hide whether a user exists, with a 12-character password policy, stays on Essentials until a risk calls for it',
    );

    // Here, deployed first, because every mail names it (MAIL_CONFIGURATION_SET), a route's as much
    // as the notifier's; it publishes bounces and complaints to the default bus (SES's only choice).
    const mailConfigurationSet = new ConfigurationSet(this, 'MailConfigurationSet', { configurationSetName: config.mailConfigurationSet });
    mailConfigurationSet.addEventDestination('BouncesAndComplaints', {
      destination: EventDestination.eventBus(EventBus.fromEventBusName(this, 'DefaultBus', 'default')),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
    });
    // The account's sending reputation, as SES computes it: SES reviews an account from a 5 %
    // bounce or 0.1 % complaint rate and may pause it from 10 % or 0.5 %; these fire well before.
    const reputation = (name: string) => new Metric({ namespace: 'AWS/SES', metricName: name, statistic: 'Maximum', period: Duration.hours(1) });
    alarm(this, 'MailBounceRateAlarm', this.alarms, {
      metric: reputation('Reputation.BounceRate'),
      threshold: 0.02,
      description: 'SES bounce rate at 2 % or more (SES reviews an account from 5 %): look at the parked mail and the suppressed addresses',
    });
    alarm(this, 'MailComplaintRateAlarm', this.alarms, {
      metric: reputation('Reputation.ComplaintRate'),
      threshold: 0.0005,
      description: 'SES complaint rate at 0.05 % or more (SES reviews an account from 0.1 %): who marks orderdesk mail as spam, and why',
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
    // CDK's own function that turns on the bucket's EventBridge notifications at deploy time.
    const notifications = this.node.tryFindChild('BucketNotificationsHandler050a0587b7544547bf325f094a3db834');
    if (notifications) {
      const why = 'CDK’s deploy-time handler that turns on the bucket’s EventBridge notifications; CDK makes it and its role';
      acknowledge(notifications, 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', why);
      acknowledge(notifications, 'AwsSolutions-IAM5[Resource::*]', `${why}: s3:PutBucketNotification on the bucket it is given at deploy time`);
      acknowledge(notifications, 'Serverless-LambdaDLQ', `${why}: CloudFormation calls it and fails the deploy if it fails`);
    }

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
    acknowledge(
      this.mailLinksSecret,
      'AwsSolutions-SMG4',
      'Rotating it invalidates every unsubscribe and open link in mail already sent; it is rotated by hand when it may have leaked (README, "Operating it")',
    );

    this.paymentWebhookSecret = new Secret(this, 'PaymentWebhookSecret', {
      secretName: `${config.secretsPrefix}${paymentWebhookSecret}`,
      description: 'Signs the payment provider’s webhook deliveries (HMAC-SHA256). Generated so the stack deploys; put the provider’s value in it (README, "Payments")',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(
      this.paymentWebhookSecret,
      'AwsSolutions-SMG4',
      'The payment provider’s shared secret: it changes when the provider issues a new one, by hand on both sides (README, "Operating it"); a rotation Lambda could not tell the provider',
    );

    const resources = { table: this.table, bucket: this.bucket, userPool, appClientIds: this.appClientIds, alarms: this.alarms };
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
        failures: 'Cognito calls it synchronously and, if it fails, sends its own default message: nothing is lost to retry',
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
