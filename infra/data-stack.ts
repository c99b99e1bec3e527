import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import type { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { ReceiptRuleSet } from 'aws-cdk-lib/aws-ses';
import type { Topic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import type { Platform } from '../lib/domain/platform.js';
import type { FunctionDefinition } from '../lib/lambda/definition.js';
import { addAlarmTopic } from './data/alarm-topic.js';
import { addBuckets } from './data/buckets.js';
import { addInboundMail } from './data/inbound-mail.js';
import { addMailSending } from './data/mail-sending.js';
import { addMalwareProtection } from './data/malware-protection.js';
import { addSecrets } from './data/secrets.js';
import { addTable } from './data/table.js';
import { addUserPoolTriggers } from './data/user-pool-triggers.js';
import { addUserPool } from './data/user-pool.js';
import type { OrderdeskFunction } from './orderdesk-function.js';
import type { StageConfig } from './stage-config.js';

export { isDataStackFunction } from './data/user-pool-triggers.js';

export interface DataStackProps extends StackProps {
  config: StageConfig;
  /** The function-table entries for which `isDataStackFunction` holds: at most one custom-message trigger. */
  functions: readonly FunctionDefinition[];
}

/**
 * The stateful part: table, bucket, user pool, the generated mail-links secret. Everything
 * stateful here is retained on stack deletion. Also the user pool's custom-message function.
 *
 * Each part (`infra/data/`) is made directly in this stack, not in a construct of its own: a
 * level more in the construct path would change every logical id (and `aws:cdk:path`), which
 * CloudFormation reads as new resources in place of the retained ones.
 */
export class DataStack extends Stack {
  readonly table: Table;
  readonly bucket: Bucket;
  readonly userPool: IUserPool;
  readonly appClientIds: Record<Platform, string>;
  readonly mailLinksSecret: Secret;
  readonly paymentWebhookSecret: Secret;
  readonly webhookKeysSecret: Secret;
  /** Receives the stage's inbound domain: its one rule stores each mail under the bucket's `mail/`. */
  readonly inboundRuleSet: ReceiptRuleSet;
  /** The entries this stack makes (the user pool's triggers), by name; the functions stack has the others. */
  readonly functions: Map<string, OrderdeskFunction>;
  /** Every alarm of the stage tells this topic; the context's `alarmEmail` is subscribed. */
  readonly alarms: Topic;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    const { config } = props;

    // Deployed first, so every stack's alarms can name it.
    this.alarms = addAlarmTopic(this, config);
    this.table = addTable(this, { config, alarms: this.alarms });
    this.bucket = addBuckets(this, config);
    addMalwareProtection(this, { config, bucket: this.bucket });
    const { userPool, appClientIds } = addUserPool(this, config);
    this.userPool = userPool;
    this.appClientIds = appClientIds;
    addMailSending(this, { config, alarms: this.alarms });
    this.inboundRuleSet = addInboundMail(this, { config, bucket: this.bucket });
    ({ mailLinksSecret: this.mailLinksSecret, paymentWebhookSecret: this.paymentWebhookSecret, webhookKeysSecret: this.webhookKeysSecret } = addSecrets(this, config));
    this.functions = addUserPoolTriggers(this, {
      config,
      definitions: props.functions,
      resources: { table: this.table, bucket: this.bucket, userPool, appClientIds, alarms: this.alarms },
    });
    // What `npm run first-admin` needs to invite the agency's first admin (docs/deploying.md).
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'UserPoolId', { value: userPool.userPoolId });
  }
}
