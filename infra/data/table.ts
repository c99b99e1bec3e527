import { RemovalPolicy, type Stack } from 'aws-cdk-lib';
import { MathExpression } from 'aws-cdk-lib/aws-cloudwatch';
import { AttributeType, BillingMode, StreamViewType, Table } from 'aws-cdk-lib/aws-dynamodb';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { tableDefinition } from '../../lib/adapters/dynamodb/table-definition.js';
import { alarm, alarmPeriod } from '../alarms.js';
import type { StageConfig } from '../stage-config.js';

export interface TableProps {
  config: StageConfig;
  /** The stage's alarm topic: throttling is an alarm. */
  alarms: ITopic;
}

/**
 * The single table, as the shared definition says (keys, indexes, TTL), on demand, with PITR and a
 * stream, retained on stack deletion; and its throttling alarm. Made directly in `stack`.
 */
export const addTable = (stack: Stack, { config, alarms }: TableProps): Table => {
  const string = AttributeType.STRING;
  const table = new Table(stack, 'Table', {
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
    table.addGlobalSecondaryIndex({
      indexName: index.indexName,
      partitionKey: { name: index.partitionKey, type: string },
      sortKey: { name: index.sortKey, type: string },
    });
  }
  // On demand, a throttled request means a hot partition or a sudden burst past the table's
  // previous peak: either is worth a look, the first at once.
  const throttled = (name: string) => table.metric(name, { statistic: 'Sum', period: alarmPeriod });
  alarm(stack, 'TableThrottledAlarm', alarms, {
    metric: new MathExpression({ expression: 'reads + writes', usingMetrics: { reads: throttled('ReadThrottleEvents'), writes: throttled('WriteThrottleEvents') }, period: alarmPeriod, label: 'Throttled requests' }),
    threshold: 1,
    description: 'DynamoDB throttled requests to the orderdesk table in the last 5 minutes: a hot partition or a burst past the on-demand peak',
  });
  return table;
};
