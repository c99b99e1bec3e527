import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { FilterCriteria, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { functionTimeoutSeconds } from '../lib/config/limits.js';
import { mailPrefix } from '../lib/config/access.js';
import type { FunctionDefinition, Trigger } from '../lib/functions/definition.js';
import { streamFilterPattern } from '../lib/functions/stream-filter.js';
import { logicalIdOf } from './logical-id.js';
import { OrderdeskFunction, type OrderdeskResources } from './orderdesk-function.js';
import type { StageConfig } from './stage-config.js';

export interface FunctionsStackProps extends StackProps {
  config: StageConfig;
  resources: OrderdeskResources & { table: ITable };
  functions: readonly FunctionDefinition[];
}

/** The functions that are not HTTP routes: one per entry of the function table, each wired to its trigger. */
export class FunctionsStack extends Stack {
  readonly functions = new Map<string, OrderdeskFunction>();

  constructor(scope: Construct, id: string, props: FunctionsStackProps) {
    super(scope, id, props);
    const { config, resources } = props;
    for (const definition of props.functions) {
      const logicalId = logicalIdOf(definition.name);
      const fn = new OrderdeskFunction(this, logicalId, { name: definition.name, access: definition.access, resources, stage: config });
      this.wire(logicalId, fn, definition.trigger, resources);
      this.functions.set(definition.name, fn);
    }
  }

  private wire(logicalId: string, fn: OrderdeskFunction, trigger: Trigger, resources: FunctionsStackProps['resources']) {
    switch (trigger.kind) {
      case 'workflow-task':
        // The workflow's state machine invokes it; its role gets lambda:InvokeFunction there.
        return;
      case 'table-stream':
        fn.addEventSource(
          new DynamoEventSource(resources.table, {
            startingPosition: StartingPosition.LATEST,
            batchSize: trigger.batchSize,
            // A failing record is retried alone, then left in the on-failure log rather than blocking the shard.
            bisectBatchOnError: true,
            reportBatchItemFailures: true,
            retryAttempts: 10,
            // The same filter the local stack applies to DynamoDB Local's stream.
            filters: [FilterCriteria.filter(streamFilterPattern(trigger))],
          }),
        );
        return;
      case 'queue': {
        const deadLetters = new Queue(this, `${logicalId}DeadLetters`, { encryption: QueueEncryption.SQS_MANAGED, retentionPeriod: Duration.days(14) });
        const queue = new Queue(this, `${logicalId}Queue`, {
          encryption: QueueEncryption.SQS_MANAGED,
          // AWS's advice: six times the function's timeout, so a retried batch is not delivered twice meanwhile.
          visibilityTimeout: Duration.seconds(functionTimeoutSeconds * 6),
          deadLetterQueue: { queue: deadLetters, maxReceiveCount: 5 },
        });
        fn.addEventSource(new SqsEventSource(queue, { batchSize: trigger.batchSize, reportBatchItemFailures: true }));
        return;
      }
      case 'inbound-mail':
        // SES stores each received mail under mail/; the bucket tells EventBridge about new objects.
        new Rule(this, `${logicalId}Mail`, {
          eventPattern: {
            source: ['aws.s3'],
            detailType: ['Object Created'],
            detail: { bucket: { name: [resources.bucket.bucketName] }, object: { key: [{ prefix: mailPrefix }] } },
          },
          targets: [new LambdaFunction(fn, { retryAttempts: 4 })],
        });
        return;
      case 'schedule':
        new Rule(this, `${logicalId}Schedule`, { schedule: Schedule.expression(trigger.expression), targets: [new LambdaFunction(fn, { retryAttempts: 2 })] });
        return;
    }
  }
}
