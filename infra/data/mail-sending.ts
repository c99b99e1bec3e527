import { Duration, type Stack } from 'aws-cdk-lib';
import { Metric } from 'aws-cdk-lib/aws-cloudwatch';
import { EventBus } from 'aws-cdk-lib/aws-events';
import { ConfigurationSet, EmailSendingEvent, EventDestination } from 'aws-cdk-lib/aws-ses';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { alarm } from '../alarms.js';
import type { StageConfig } from '../stage-config.js';

export interface MailSendingProps {
  config: StageConfig;
  /** The stage's alarm topic: a bounce or complaint rate that risks the account is an alarm. */
  alarms: ITopic;
}

/**
 * What every mail sent names: the stage's SES configuration set, which publishes bounces and
 * complaints to the default bus; and the alarms on the account's sending reputation. Made
 * directly in `stack`.
 */
export const addMailSending = (stack: Stack, { config, alarms }: MailSendingProps): ConfigurationSet => {
  // Here, deployed first, because every mail names it (MAIL_CONFIGURATION_SET), a route's as much
  // as the notifier's; it publishes bounces and complaints to the default bus (SES's only choice).
  const configurationSet = new ConfigurationSet(stack, 'MailConfigurationSet', { configurationSetName: config.mailConfigurationSet });
  configurationSet.addEventDestination('BouncesAndComplaints', {
    destination: EventDestination.eventBus(EventBus.fromEventBusName(stack, 'DefaultBus', 'default')),
    events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
  });
  // The account's sending reputation, as SES computes it: SES reviews an account from a 5 %
  // bounce or 0.1 % complaint rate and may pause it from 10 % or 0.5 %; these fire well before.
  const reputation = (name: string) => new Metric({ namespace: 'AWS/SES', metricName: name, statistic: 'Maximum', period: Duration.hours(1) });
  alarm(stack, 'MailBounceRateAlarm', alarms, {
    metric: reputation('Reputation.BounceRate'),
    threshold: 0.02,
    description: 'SES bounce rate at 2 % or more (SES reviews an account from 5 %): look at the parked mail and the suppressed addresses',
  });
  alarm(stack, 'MailComplaintRateAlarm', alarms, {
    metric: reputation('Reputation.ComplaintRate'),
    threshold: 0.0005,
    description: 'SES complaint rate at 0.05 % or more (SES reviews an account from 0.1 %): who marks orderdesk mail as spam, and why',
  });
  return configurationSet;
};
