import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataStack } from '../../infra/data-stack.js';
import { FunctionsStack } from '../../infra/functions-stack.js';
import { logicalIdOf } from '../../infra/logical-id.js';
import { stageConfig } from '../../infra/stage-config.js';
import { functions } from '../../lib/lambda/table.js';

// The same context (feature flags) `cdk synth` reads from cdk.json.
const cdkJson = JSON.parse(fs.readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as { context: Record<string, unknown> };
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'orderdesk-inbound-'));
afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

const env = { account: '123456789012', region: 'eu-central-1' };

/** The data stack and a functions stack of the inbound-mail entry alone (one function to bundle). */
const synth = (context: Record<string, string> = {}) => {
  const app = new App({ outdir, context: { ...cdkJson.context } });
  const config = stageConfig((key) => ({ stage: 'dev', ...context })[key]);
  const data = new DataStack(app, `inbound-data-${Object.keys(context).length}`, { env, config, functions: [] });
  const stack = new FunctionsStack(app, `inbound-functions-${Object.keys(context).length}`, {
    env,
    config,
    resources: { table: data.table, bucket: data.bucket, userPool: data.userPool, appClientIds: data.appClientIds, alarms: data.alarms, apiUrl: 'https://api.fixture.example' },
    functions: [functions.inboundMail],
  });
  return { data: Template.fromStack(data), functions: Template.fromStack(stack) };
};

let dev: ReturnType<typeof synth>;
beforeAll(() => {
  dev = synth();
});

const only = <T>(values: T[]): T => {
  expect(values).toHaveLength(1);
  return values[0]!;
};

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
