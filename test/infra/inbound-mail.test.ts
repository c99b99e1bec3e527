import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { logicalIdOf } from '../../infra/logical-id.js';
import { functions } from '../../lib/lambda/table.js';
import { oneFunctionApp, only } from './one-function-app.js';

/** The data stack and a functions stack of the inbound-mail entry alone (one function to bundle). */
const synth = oneFunctionApp('inbound', functions.inboundMail);

let dev: ReturnType<typeof synth>;
beforeAll(() => {
  dev = synth();
});

describe('receiving the stage’s mail', () => {
  it('has a receipt rule set with one rule for the inbound domain: spam and virus scanning, the raw mail stored under mail/', () => {
    dev.data.resourceCountIs('AWS::SES::ReceiptRuleSet', 1);
    dev.data.hasResourceProperties('AWS::SES::ReceiptRuleSet', { RuleSetName: 'orderdesk-dev-inbound' });
    const bucketId = Object.keys(dev.data.findResources('AWS::S3::Bucket')).find((id) => id.startsWith('Attachments'));
    const rule = only(Object.values(dev.data.findResources('AWS::SES::ReceiptRule')));
    expect(rule.Properties).toEqual({
      RuleSetName: { Ref: expect.stringMatching(/^InboundMail/) },
      Rule: {
        Name: 'orderdesk-dev-replies',
        Enabled: true,
        Recipients: ['reply.dev.orderdesk.example'],
        ScanEnabled: true,
        Actions: [{ S3Action: { BucketName: { Ref: bucketId }, ObjectKeyPrefix: 'mail/' } }],
      },
    });
    // SES tests its write when the rule is made: the bucket policy must exist by then.
    const policyId = Object.keys(dev.data.findResources('AWS::S3::BucketPolicy')).find((id) => id.startsWith('AttachmentsPolicy'));
    expect(rule.DependsOn).toContain(policyId);
  });

  it('lets SES write under mail/ only, for this account’s rule only', () => {
    const policy = only(Object.entries(dev.data.findResources('AWS::S3::BucketPolicy')).filter(([id]) => id.startsWith('AttachmentsPolicy')))[1];
    const statements = (policy.Properties.PolicyDocument.Statement as { Principal?: { Service?: string }; Action: unknown; Resource: unknown; Condition?: unknown }[]).filter(
      (statement) => statement.Principal?.Service === 'ses.amazonaws.com',
    );
    const statement = only(statements);
    expect(statement.Action).toBe('s3:PutObject');
    expect(JSON.stringify(statement.Resource)).toMatch(/\/mail\/\*"(\]\]\})?$/);
    expect(statement.Condition).toEqual({
      StringEquals: {
        'aws:SourceAccount': '123456789012',
        'aws:SourceArn': 'arn:aws:ses:eu-central-1:123456789012:receipt-rule-set/orderdesk-dev-inbound:receipt-rule/orderdesk-dev-replies',
      },
    });
  });

  it('takes the domain from -c inboundDomain=', () => {
    const custom = synth({ inboundDomain: 'reply.azami.example' });
    custom.data.hasResourceProperties('AWS::SES::ReceiptRule', { Rule: Match.objectLike({ Recipients: ['reply.azami.example'] }) });
  });
});

describe('the inbound-mail function', () => {
  it('runs for each object created under mail/ in the bucket, with retries and a dead-letter queue EventBridge writes to', () => {
    const fn = only(Object.keys(dev.functions.findResources('AWS::Lambda::Function')).filter((id) => new RegExp(`^${logicalIdOf('inbound-mail')}[0-9A-F]{8}$`).test(id)));
    const rule = only(Object.values(dev.functions.findResources('AWS::Events::Rule')).filter((r) => JSON.stringify(r.Properties.Targets).includes(`"${fn}"`)));
    expect(rule.Properties.EventPattern).toEqual({
      source: ['aws.s3'],
      'detail-type': ['Object Created'],
      detail: { bucket: { name: [expect.objectContaining({ 'Fn::ImportValue': expect.stringContaining('Attachments') })] }, object: { key: [{ prefix: 'mail/' }] } },
    });
    const target = only(rule.Properties.Targets as { Arn: unknown; RetryPolicy: unknown; DeadLetterConfig: { Arn: { 'Fn::GetAtt': [string, string] } } }[]);
    expect(target).toMatchObject({ Arn: { 'Fn::GetAtt': [fn, 'Arn'] }, RetryPolicy: { MaximumRetryAttempts: 4 } });
    const queue = target.DeadLetterConfig.Arn['Fn::GetAtt'][0];
    expect(queue).toMatch(/^InboundMailDeadLetters/);
    expect(dev.functions.findResources('AWS::SQS::Queue')[queue]?.Properties).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 });
    dev.functions.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: queue }],
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: 'sqs:SendMessage', Principal: { Service: 'events.amazonaws.com' } })]) },
    });
  });

  it('reads mail/ and writes orgs/ only, and knows the inbound domain', () => {
    const [id, fn] = only(Object.entries(dev.functions.findResources('AWS::Lambda::Function')).filter(([key]) => key.startsWith(logicalIdOf('inbound-mail'))));
    expect(fn.Properties.Environment.Variables).toMatchObject({ INBOUND_DOMAIN: 'reply.dev.orderdesk.example', MAIL_FROM: 'helpdesk@dev.orderdesk.example', SECRETS_PREFIX: 'orderdesk/dev/' });
    const role = (fn.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    const statements = Object.values(dev.functions.findResources('AWS::IAM::Policy'))
      .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(`"${role}"`))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]);
    const s3 = statements.filter((statement) => [statement.Action].flat().some((action) => action.startsWith('s3:')));
    expect(s3.map((statement) => `${[statement.Action].flat().join(',')} ${JSON.stringify(statement.Resource).match(/\/([a-z]+\/\*)"/)?.[1]}`).sort()).toEqual([
      's3:GetObject mail/*',
      's3:PutObject orgs/*',
    ]);
    expect(id).toBeDefined();
  });
});
