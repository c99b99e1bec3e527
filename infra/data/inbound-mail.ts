import { ArnFormat, type Stack } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import { ReceiptRuleSet } from 'aws-cdk-lib/aws-ses';
import { mailPrefix } from '../../lib/config/access.js';
import type { StageConfig } from '../stage-config.js';

export interface InboundMailProps {
  config: StageConfig;
  /** The attachments bucket: SES stores each mail under its `mail/`. */
  bucket: Bucket;
}

/**
 * Receiving: mail to the stage's inbound domain (replies to `reply+<token>@` it) is stored raw
 * under mail/, where the bucket's EventBridge notification hands it to the inbound-mail function
 * (FunctionsStack). SES prepends its verdicts (Authentication-Results, spam, virus); the function
 * trusts only those. Made directly in `stack`; returns the receipt rule set.
 *
 * Note: a receipt rule set does nothing until it is the region's active one, and only one is;
 * CloudFormation cannot make it so. Once per account and region, after the first deploy:
 *   aws ses set-active-receipt-rule-set --rule-set-name orderdesk-<stage>-inbound
 * (and an MX record of the inbound domain pointing at inbound-smtp.<region>.amazonaws.com).
 */
export const addInboundMail = (stack: Stack, { config, bucket }: InboundMailProps): ReceiptRuleSet => {
  const ruleSetName = `orderdesk-${config.stage}-inbound`;
  const ruleName = `orderdesk-${config.stage}-replies`;
  const ruleSet = new ReceiptRuleSet(stack, 'InboundMail', { receiptRuleSetName: ruleSetName });
  // SES may write under mail/ only, and only for this account's rule (not CDK's S3 action,
  // whose statement names the account alone).
  const { policyDependable } = bucket.addToResourcePolicy(
    new PolicyStatement({
      sid: 'SesStoresInboundMail',
      principals: [new ServicePrincipal('ses.amazonaws.com')],
      actions: ['s3:PutObject'],
      resources: [bucket.arnForObjects(`${mailPrefix}*`)],
      conditions: {
        StringEquals: {
          'aws:SourceAccount': stack.account,
          'aws:SourceArn': stack.formatArn({ service: 'ses', resource: 'receipt-rule-set', resourceName: `${ruleSetName}:receipt-rule/${ruleName}`, arnFormat: ArnFormat.SLASH_RESOURCE_NAME }),
        },
      },
    }),
  );
  const rule = ruleSet.addRule('Replies', {
    receiptRuleName: ruleName,
    recipients: [config.inboundDomain],
    // Spam and virus scanning: their verdicts come as X-SES-Spam-Verdict and X-SES-Virus-Verdict.
    scanEnabled: true,
    actions: [{ bind: () => ({ s3Action: { bucketName: bucket.bucketName, objectKeyPrefix: mailPrefix } }) }],
  });
  // SES checks that it may write (a test object) when the rule is made: the policy comes first.
  if (policyDependable) rule.node.addDependency(policyDependable);
  return ruleSet;
};
