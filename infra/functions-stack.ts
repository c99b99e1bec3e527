import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { FilterCriteria, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { functionTimeoutSeconds } from '../lib/config/limits.js';
import { mailPrefix } from '../lib/config/access.js';
import type { FunctionDefinition, Trigger } from '../lib/functions/definition.js';
import { streamFilterPattern } from '../lib/functions/stream-filter.js';
import { isDataStackFunction } from './data-stack.js';
import { logicalIdOf } from './logical-id.js';
import { OrderdeskFunction, type OrderdeskResources } from './orderdesk-function.js';
import { RequestWorkflow } from './request-workflow.js';
import type { StageConfig } from './stage-config.js';

export interface FunctionsStackProps extends StackProps {
  config: StageConfig;
  /** With `apiUrl` for entries that send mail. */
  resources: OrderdeskResources & { table: ITable };
  /** The entries this stack makes: every one but the user pool's triggers (see `isDataStackFunction`). */
  functions: readonly FunctionDefinition[];
}

/** The detail-type under which SES's EventBridge destination publishes each event type (EventBridge's SES event reference). */
export const mailEventDetailTypes = { Bounce: 'Email Bounced', Complaint: 'Email Complaint Received' } as const satisfies Record<
  Extract<Trigger, { kind: 'mail-events' }>['eventTypes'][number],
  string
>;

/** How long a dead-letter or on-failure queue keeps what no retry could deliver: SQS's longest. */
const keepFailures = Duration.days(14);

/**
 * The functions that are not HTTP routes: one per entry it is given, each wired to its trigger
 * (`functions` maps those entries' names to their functions; the data stack has the others).
 */
export class FunctionsStack extends Stack {
  readonly functions = new Map<string, OrderdeskFunction>();
  /** The request workflow, when the stack has the functions its Task states invoke. */
  readonly workflow?: RequestWorkflow;

  constructor(scope: Construct, id: string, props: FunctionsStackProps) {
    super(scope, id, props);
    const { config, resources } = props;

    for (const definition of props.functions) {
      if (isDataStackFunction(definition)) {
        throw new Error(`${definition.name} is a user pool trigger: the data stack makes it (give it there, see isDataStackFunction)`);
      }
      const logicalId = logicalIdOf(definition.name);
      const fn = new OrderdeskFunction(this, logicalId, { name: definition.name, access: definition.access, resources, stage: config });
      this.wire(logicalId, fn, definition.trigger, config, resources);
      this.functions.set(definition.name, fn);
    }

    // The workflow-task entries are what the state machine invokes: with any of them it is made,
    // and every function lib/workflow/states.ts names must be among them (RequestWorkflow says which is not).
    const workflowTasks = props.functions.filter((definition) => definition.trigger.kind === 'workflow-task');
    if (workflowTasks.length > 0) {
      this.workflow = new RequestWorkflow(this, 'RequestWorkflow', {
        stateMachineName: config.workflowName,
        logRetention: config.logRetention,
        functions: Object.fromEntries(workflowTasks.map((definition) => [definition.name, this.functions.get(definition.name)!])),
      });
    }
  }

  private wire(logicalId: string, fn: OrderdeskFunction, trigger: Trigger, config: StageConfig, resources: FunctionsStackProps['resources']) {
    switch (trigger.kind) {
      case 'workflow-task':
        // The workflow's state machine invokes it; its role gets lambda:InvokeFunction there.
        return;
      case 'table-stream': {
        // What fails every retry (or is bisected down to one failing record) is kept here, not dropped.
        const failures = new Queue(this, `${logicalId}StreamFailures`, { encryption: QueueEncryption.SQS_MANAGED, retentionPeriod: keepFailures });
        fn.addEventSource(
          new DynamoEventSource(resources.table, {
            startingPosition: StartingPosition.LATEST,
            batchSize: trigger.batchSize,
            // A failing record is retried alone, then left in the on-failure queue rather than blocking the shard.
            bisectBatchOnError: true,
            reportBatchItemFailures: true,
            retryAttempts: 10,
            onFailure: new SqsDlq(failures),
            // The same filter the local stack applies to DynamoDB Local's stream.
            filters: [FilterCriteria.filter(streamFilterPattern(trigger))],
          }),
        );
        return;
      }
      case 'queue': {
        const deadLetters = new Queue(this, `${logicalId}DeadLetters`, { encryption: QueueEncryption.SQS_MANAGED, retentionPeriod: keepFailures });
        const queue = new Queue(this, `${logicalId}Queue`, {
          encryption: QueueEncryption.SQS_MANAGED,
          // AWS's advice: six times the function's timeout, so a retried batch is not delivered twice meanwhile.
          visibilityTimeout: Duration.seconds(functionTimeoutSeconds * 6),
          deadLetterQueue: { queue: deadLetters, maxReceiveCount: 5 },
        });
        fn.addEventSource(new SqsEventSource(queue, { batchSize: trigger.batchSize, reportBatchItemFailures: true }));
        return;
      }
      case 'inbound-mail': {
        // SES stores each received mail under mail/ (the data stack's receipt rule); the bucket
        // tells EventBridge about new objects. A mail EventBridge could not hand over after its
        // retries (the function kept failing: an outage) is kept here; the raw mail stays in S3.
        const deadLetters = new Queue(this, `${logicalId}DeadLetters`, { encryption: QueueEncryption.SQS_MANAGED, retentionPeriod: keepFailures });
        new Rule(this, `${logicalId}Mail`, {
          eventPattern: {
            source: ['aws.s3'],
            detailType: ['Object Created'],
            detail: { bucket: { name: [resources.bucket.bucketName] }, object: { key: [{ prefix: mailPrefix }] } },
          },
          targets: [new LambdaFunction(fn, { retryAttempts: 4, deadLetterQueue: deadLetters })],
        });
        return;
      }
      case 'schedule':
        new Rule(this, `${logicalId}Schedule`, { schedule: Schedule.expression(trigger.expression), targets: [new LambdaFunction(fn, { retryAttempts: 2 })] });
        return;
      case 'mail-events': {
        // An event EventBridge could not deliver after its retries is kept here (EventBridge sends it, not the function).
        const deadLetters = new Queue(this, `${logicalId}DeadLetters`, { encryption: QueueEncryption.SQS_MANAGED, retentionPeriod: keepFailures });
        new Rule(this, `${logicalId}MailEvents`, {
          eventPattern: {
            source: ['aws.ses'],
            detailType: trigger.eventTypes.map((type) => mailEventDetailTypes[type]),
            // Only this stage's mail: stages in one account share the default bus.
            detail: { mail: { tags: { 'ses:configuration-set': [config.mailConfigurationSet] } } },
          },
          targets: [new LambdaFunction(fn, { retryAttempts: 4, deadLetterQueue: deadLetters })],
        });
        return;
      }
      case 'cognito-custom-message':
        // Refused above: the data stack makes and wires it.
        return;
    }
  }
}
