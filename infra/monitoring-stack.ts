import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type { HttpStage } from 'aws-cdk-lib/aws-apigatewayv2';
import { Dashboard, GraphWidget, MathExpression, Metric, TextWidget, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { businessMetrics, metricNames, type MetricName } from '../lib/observability/metric-names.js';
import { alarm, alarmPeriod } from './alarms.js';
import type { StageConfig } from './stage-config.js';

export interface MonitoringStackProps extends StackProps {
  config: StageConfig;
  apiStage: HttpStage;
  table: ITable;
  workflow: StateMachine;
  /** The stage's alarm topic, for the business metrics that are alarms by themselves. */
  alarms: ITopic;
  /** The stacks whose functions and queues the dashboard searches by name (CloudFormation prefixes their names with the stack's). */
  stackNames: { api: string; functions: string; data: string };
}

const fiveMinutes = Duration.minutes(5);

/** Every metric a CloudWatch search finds, e.g. each function's errors: one line per function, none named here. */
const search = (expression: string, statistic: string, label: string, period = fiveMinutes): IMetric =>
  new MathExpression({ expression: `SEARCH('${expression}', '${statistic}', ${period.toSeconds()})`, label, period, usingMetrics: {} });

/** The business metrics' rows of the dashboard: a few lines each, by capability. */
const businessGroups: { title: string; metrics: MetricName[] }[] = [
  { title: 'Requests, offers and orders', metrics: ['RequestsFiled', 'MessagesPosted', 'OffersPosted', 'OffersAccepted', 'OffersRejected', 'OffersExpired', 'OrdersIssued'] },
  { title: 'Payments and reviews', metrics: ['PaymentsReceived', 'PaymentsFlagged', 'PaymentsResolved', 'DeliveriesHandedOver', 'DeliveriesAccepted', 'DeliveriesDeemedAccepted', 'ReviewChangesRequested'] },
  { title: 'Mail out and in', metrics: ['MailsSent', 'MailsParked', 'MailsSuppressed', 'AddressesSuppressed', 'InboundMailPosted', 'InboundMailRefused', 'InboundMailDropped'] },
  { title: 'Workflow', metrics: ['WorkflowRemindersSent', 'WorkflowsResumed', 'WorkflowNudgesFailed'] },
  { title: 'Webhooks out', metrics: ['WebhookDeliveriesDelivered', 'WebhookDeliveriesParked'] },
  { title: 'Malware scan of files', metrics: ['FilesInfected', 'FilesUnscannable', 'FileScansFailed'] },
];

/**
 * The stage's dashboard: what the alarms watch, side by side, and the business metrics beside
 * them. Functions and queues are found by their stacks' name prefixes, so a new function or queue
 * appears without a change here.
 */
export class MonitoringStack extends Stack {
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: MonitoringStackProps) {
    super(scope, id, props);
    const { config, apiStage, table, workflow, stackNames } = props;
    // As the functions publish them (lib/observability/metrics.ts): namespace orderdesk, dimensions service and stage.
    const business = (name: MetricName, period = Duration.hours(1)) =>
      new Metric({ namespace: 'orderdesk', metricName: name, dimensionsMap: { service: 'orderdesk', stage: config.stage }, statistic: 'Sum', period, label: name });
    // The metrics that mean, by any count, that a person must act (a mail nobody got, a change its workflow never heard of).
    for (const name of metricNames.filter((metric) => 'alarm' in businessMetrics[metric])) {
      alarm(this, `${name}Alarm`, props.alarms, { metric: business(name, alarmPeriod), threshold: 0, strictly: true, description: `${name}: ${businessMetrics[name].description}` });
    }
    const width = 12;
    const functions = `{AWS/Lambda,FunctionName} MetricName="%s" (${Object.values(stackNames).map((name) => `"${name}"`).join(' OR ')})`;
    const lambda = (metric: string, statistic: string, label: string) => search(functions.replace('%s', metric), statistic, label);
    const ses = (name: string, statistic = 'Sum') => new Metric({ namespace: 'AWS/SES', metricName: name, statistic, period: Duration.hours(1) });

    this.dashboard = new Dashboard(this, 'Dashboard', { dashboardName: `orderdesk-${config.stage}`, defaultInterval: Duration.days(1) });
    this.dashboard.addWidgets(
      new TextWidget({
        markdown: `# orderdesk ${config.stage}\nAlarms go to the SNS topic \`orderdesk-${config.stage}-alarms\`. docs/operating.md, "Alarms": what each alarm means and what to do.`,
        width: 24,
        height: 2,
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'API calls and errors',
        left: [apiStage.metricCount({ statistic: 'Sum', period: fiveMinutes, label: 'calls' })],
        right: [apiStage.metricClientError({ period: fiveMinutes, label: '4xx' }), apiStage.metricServerError({ period: fiveMinutes, label: '5xx' })],
        width,
      }),
      new GraphWidget({
        title: 'API latency (ms)',
        left: [apiStage.metricLatency({ statistic: 'p50', period: fiveMinutes, label: 'p50' }), apiStage.metricLatency({ statistic: 'p99', period: fiveMinutes, label: 'p99' })],
        width,
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({ title: 'Function errors (per function)', left: [lambda('Errors', 'Sum', 'errors')], width }),
      new GraphWidget({ title: 'Function throttles (per function)', left: [lambda('Throttles', 'Sum', 'throttles')], width }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({ title: 'Function duration p99 (ms, per function)', left: [lambda('Duration', 'p99', 'p99')], width }),
      new GraphWidget({
        title: 'Dead-letter and on-failure queues (messages waiting)',
        left: [search(`{AWS/SQS,QueueName} MetricName="ApproximateNumberOfMessagesVisible" "${stackNames.functions}"`, 'Maximum', 'waiting')],
        width,
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Request workflow executions',
        left: [
          workflow.metricStarted({ period: fiveMinutes, label: 'started' }),
          workflow.metricSucceeded({ period: fiveMinutes, label: 'succeeded' }),
          workflow.metricFailed({ period: fiveMinutes, label: 'failed' }),
          workflow.metricTimedOut({ period: fiveMinutes, label: 'timed out' }),
        ],
        width,
      }),
      new GraphWidget({
        title: 'Table: consumed capacity and throttles',
        left: [table.metricConsumedReadCapacityUnits({ period: fiveMinutes, label: 'read units' }), table.metricConsumedWriteCapacityUnits({ period: fiveMinutes, label: 'write units' })],
        right: [
          table.metric('ReadThrottleEvents', { statistic: 'Sum', period: fiveMinutes, label: 'read throttles' }),
          table.metric('WriteThrottleEvents', { statistic: 'Sum', period: fiveMinutes, label: 'write throttles' }),
        ],
        width,
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({ title: 'Mail sent, bounced, complained (SES, hourly)', left: [ses('Send'), ses('Bounce'), ses('Complaint')], width }),
      new GraphWidget({
        title: 'Sending reputation (alarms at 2 % bounces, 0.05 % complaints)',
        left: [ses('Reputation.BounceRate', 'Maximum'), ses('Reputation.ComplaintRate', 'Maximum')],
        width,
      }),
    );
    this.dashboard.addWidgets(...businessGroups.map((group) => new GraphWidget({ title: `Business metrics (hourly): ${group.title}`, left: group.metrics.map((name) => business(name)), width: 6 })));
  }
}
