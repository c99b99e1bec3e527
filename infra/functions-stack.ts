import { Duration, Names, Stack, type StackProps } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { FilterCriteria, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { MathExpression } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { functionTimeoutSeconds } from '../lib/config/limits.js';
import { mailPrefix } from '../lib/config/access.js';
import { attachmentPrefix } from '../lib/domain/attachment-rules.js';
import { scanResultDetailType, scanResultSource } from '../lib/domain/malware-scan-event.js';
import type { FunctionDefinition, Trigger } from '../lib/lambda/definition.js';
import { streamFilterPattern } from '../lib/lambda/stream-filter.js';
import { acknowledge } from './acknowledge.js';
import { alarm, alarmPeriod } from './alarms.js';
import { isDataStackFunction } from './data-stack.js';
import { logicalIdOf } from './logical-id.js';
import { OrderdeskFunction, queueNameOf, type OrderdeskResources } from './orderdesk-function.js';
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

/** Where a failed invocation of a function ends up, by its trigger (the function has no DLQ of its own). */
const failuresOf: Record<Exclude<Trigger['kind'], 'cognito-custom-message'>, string> = {
  'workflow-task': 'The workflow invokes it synchronously: a failure is retried by the state machine and, failing that, fails the execution, which the takeover sweep restarts',
  'table-stream': 'Its stream event source retries and then keeps the failed records in its own on-failure queue (StreamFailures)',
  queue: 'Its queue redrives what keeps failing to the queue’s dead-letter queue',
  'inbound-mail': 'EventBridge retries and then keeps the event in the rule target’s dead-letter queue; the raw mail stays in S3',
  schedule: 'EventBridge retries the scheduled run and then keeps the event in the rule target’s dead-letter queue; the next run does the same work',
  'mail-events': 'EventBridge retries and then keeps the event in the rule target’s dead-letter queue',
  'malware-scan': 'EventBridge retries and then keeps the scan result in the rule target’s dead-letter queue; the file stays pending (never downloadable) until the event is sent again',
};

/**
 * A queue that keeps what could not be delivered: TLS only, itself the end of the line, and
 * alarmed as soon as anything is in it (each message is a change nobody was told of, or a mail
 * nobody received, until an operator looks).
 */
const failureQueue = (scope: Construct, id: string, topic: ITopic) => {
  const queue = new Queue(scope, id, { encryption: QueueEncryption.SQS_MANAGED, retentionPeriod: keepFailures, enforceSSL: true });
  for (const rule of ['AwsSolutions-SQS3', 'Serverless-SQSRedrivePolicy']) acknowledge(queue, rule, 'It is a dead-letter queue itself: what lands here stays for an operator (alarmed at depth > 0)');
  alarm(scope, `${id}Alarm`, topic, {
    metric: queue.metricApproximateNumberOfMessagesVisible({ statistic: 'Maximum', period: alarmPeriod }),
    threshold: 0,
    strictly: true,
    description: `${id}: something could not be delivered after every retry and waits for an operator (docs/operating.md)`,
  });
  return queue;
};

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
      const { kind } = definition.trigger;
      if (kind === 'cognito-custom-message') continue;
      const fn = new OrderdeskFunction(this, logicalId, { name: definition.name, access: definition.access, resources, stage: config, failures: failuresOf[kind] });
      // Nobody waits on these to see an error: any failure or throttle of one is an alarm (a route's shows as the API's 5xx rate).
      alarm(this, `${logicalId}FailingAlarm`, resources.alarms, {
        metric: new MathExpression({
          expression: 'errors + throttles',
          usingMetrics: { errors: fn.metricErrors({ period: alarmPeriod }), throttles: fn.metricThrottles({ period: alarmPeriod }) },
          period: alarmPeriod,
          label: `${definition.name} errors and throttles`,
        }),
        threshold: 1,
        description: `${definition.name} failed or was throttled in the last 5 minutes: its log group (${logicalId}Logs…) says why`,
      });
      this.wire(logicalId, fn, definition.trigger, config, resources, definition.name);
      this.functions.set(definition.name, fn);
    }

    // The workflow-task entries are what the state machine invokes: with any of them it is made,
    // and every function lib/workflow/states.ts names must be among them (RequestWorkflow says which is not).
    const workflowTasks = props.functions.filter((definition) => definition.trigger.kind === 'workflow-task');
    if (workflowTasks.length > 0) {
      this.workflow = new RequestWorkflow(this, 'RequestWorkflow', {
        stateMachineName: config.workflowName,
        logRetention: config.logRetention,
        alarms: resources.alarms,
        functions: Object.fromEntries(workflowTasks.map((definition) => [definition.name, this.functions.get(definition.name)!])),
      });
    }
  }

  private wire(logicalId: string, fn: OrderdeskFunction, trigger: Trigger, config: StageConfig, resources: FunctionsStackProps['resources'], name: string) {
    switch (trigger.kind) {
      case 'workflow-task':
        // The workflow's state machine invokes it; its role gets lambda:InvokeFunction there.
        return;
      case 'table-stream': {
        // What fails every retry (or is bisected down to one failing record) is kept here, not dropped.
        const failures = failureQueue(this, `${logicalId}StreamFailures`, resources.alarms);
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
        const deadLetters = failureQueue(this, `${logicalId}DeadLetters`, resources.alarms);
        const queue = new Queue(this, `${logicalId}Queue`, {
          // Fixed, so producers in any stack (the API's) are granted and told it by name (`queues` access).
          queueName: queueNameOf(config.stage, name),
          encryption: QueueEncryption.SQS_MANAGED,
          enforceSSL: true,
          // AWS's advice: six times the function's timeout, so a retried batch is not delivered twice meanwhile.
          visibilityTimeout: Duration.seconds(functionTimeoutSeconds * 6),
          deadLetterQueue: { queue: deadLetters, maxReceiveCount: 5 },
        });
        const source = new SqsEventSource(queue, { batchSize: trigger.batchSize, reportBatchItemFailures: true });
        fn.addEventSource(source);
        const mapping = fn.node.tryFindChild(`SqsEventSource:${Names.nodeUniqueId(queue.node)}`);
        if (!mapping) throw new Error(`${name}: its SQS event source mapping was not found to acknowledge`);
        acknowledge(
          mapping,
          'Serverless-LambdaEventSourceMappingDestination',
          'An SQS event source mapping takes no on-failure destination (Lambda supports one for streams and Kafka only): the queue’s own dead-letter queue keeps what failed 5 receives, and it is alarmed',
        );
        return;
      }
      case 'inbound-mail': {
        // SES stores each received mail under mail/ (the data stack's receipt rule); the bucket
        // tells EventBridge about new objects. A mail EventBridge could not hand over after its
        // retries (the function kept failing: an outage) is kept here; the raw mail stays in S3.
        const deadLetters = failureQueue(this, `${logicalId}DeadLetters`, resources.alarms);
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
        new Rule(this, `${logicalId}Schedule`, {
          schedule: Schedule.expression(trigger.expression),
          targets: [new LambdaFunction(fn, { retryAttempts: 2, deadLetterQueue: failureQueue(this, `${logicalId}DeadLetters`, resources.alarms) })],
        });
        return;
      case 'mail-events': {
        // An event EventBridge could not deliver after its retries is kept here (EventBridge sends it, not the function).
        const deadLetters = failureQueue(this, `${logicalId}DeadLetters`, resources.alarms);
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
      case 'malware-scan': {
        // GuardDuty's result of each object it scanned (the data stack's plan protects orgs/): this
        // stage's bucket only (stages in one account share the default bus). A result EventBridge
        // could not hand over after its retries is kept here.
        const deadLetters = failureQueue(this, `${logicalId}DeadLetters`, resources.alarms);
        new Rule(this, `${logicalId}ScanResults`, {
          eventPattern: {
            source: [scanResultSource],
            detailType: [scanResultDetailType],
            detail: { s3ObjectDetails: { bucketName: [resources.bucket.bucketName], objectKey: [{ prefix: attachmentPrefix }] } },
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
