import type { Stack } from 'aws-cdk-lib';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { acknowledge } from '../acknowledge.js';
import type { StageConfig } from '../stage-config.js';

/**
 * The stage's alarm topic, which every alarm of the stage tells; the context's `alarmEmail` is
 * subscribed. Made in the data stack, deployed first, so every stack's alarms can name it.
 * Made directly in `stack` (as every part of the data stack is): the logical ids and construct
 * paths stay the stack's own.
 */
export const addAlarmTopic = (stack: Stack, config: StageConfig): Topic => {
  const topic = new Topic(stack, 'Alarms', { topicName: `orderdesk-${config.stage}-alarms`, displayName: `orderdesk ${config.stage} alarms`, enforceSSL: true });
  acknowledge(
    topic,
    'AwsSolutions-SNS2',
    'An alarm notification holds an alarm’s name and state, no personal data; CloudWatch cannot publish to a topic encrypted with the AWS-managed SNS key, and a customer-managed key would cost more than it protects',
  );
  if (config.alarmEmail) {
    const subscription = topic.addSubscription(new EmailSubscription(config.alarmEmail));
    acknowledge(
      subscription,
      'Serverless-SNSRedrivePolicy',
      'What SNS cannot deliver here is an alarm mail to the operator’s own address; the alarm itself stays in CloudWatch (console, dashboard), where a queue of missed alarm mails would add nothing',
    );
  }
  return topic;
};
