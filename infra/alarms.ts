import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';

/** How often an alarm looks: five minutes, one period (an operator hears of a failure within minutes). */
export const alarmPeriod = Duration.minutes(5);

export interface AlarmProps {
  metric: IMetric;
  /** The metric's value at which something is wrong, and what it means for whoever reads the alarm. */
  threshold: number;
  description: string;
  /** `>=` (the default) or `>` the threshold. */
  strictly?: boolean;
}

/**
 * An alarm on a metric of the construct it watches, made beside that construct (its threshold
 * lives there), that tells the stage's alarm topic when it fires and when it clears. No data is
 * nothing wrong: a function that did not run did not fail.
 */
export const alarm = (scope: Construct, id: string, topic: ITopic, props: AlarmProps): Alarm => {
  const made = new Alarm(scope, id, {
    metric: props.metric,
    threshold: props.threshold,
    evaluationPeriods: 1,
    comparisonOperator: props.strictly ? ComparisonOperator.GREATER_THAN_THRESHOLD : ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: TreatMissingData.NOT_BREACHING,
    alarmDescription: props.description,
  });
  made.addAlarmAction(new SnsAction(topic));
  made.addOkAction(new SnsAction(topic));
  return made;
};
