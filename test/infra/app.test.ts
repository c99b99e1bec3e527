import childProcess from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tableDefinition } from '../../lib/adapters/dynamodb/table-definition.js';
import { routeKey } from '../../lib/http/route.js';
import { routeList } from '../../lib/http/routes.js';
import * as z from 'zod';
import { DataStack } from '../../infra/data-stack.js';
import { FunctionsStack } from '../../infra/functions-stack.js';
import { logicalIdOf } from '../../infra/logical-id.js';
import { buildApp } from '../../infra/orderdesk-app.js';
import { stageConfig } from '../../infra/stage-config.js';
import type { FunctionAccess } from '../../lib/config/access.js';
import { EnvName } from '../../lib/config/env.js';
import type { FunctionDefinition, Trigger } from '../../lib/functions/definition.js';
import { functionList } from '../../lib/functions/table.js';

// The same context (feature flags) `cdk synth` reads from cdk.json.
const cdkJson = JSON.parse(fs.readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as { context: Record<string, unknown> };

// One cloud-assembly dir for every app this file synthesizes. CDK caches staged assets per process,
// keyed by the bundling options *and* the output dir; each `new App()` would otherwise get a temp
// dir of its own, and prod would bundle all ~24 functions again (each an `npx esbuild`, ~0.4 s).
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'orderdesk-infra-'));
afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

const synth = (context: Record<string, string>) => {
  const built = buildApp(new App({ outdir, context: { ...cdkJson.context, ...context } }));
  return { data: Template.fromStack(built.data), api: Template.fromStack(built.api), functions: Template.fromStack(built.functions) };
};

let dev: ReturnType<typeof synth>;
beforeAll(() => {
  // Real bundling with the local esbuild, as `cdk synth` does: the only slow step of this file
  // (see the infra project's hookTimeout in vitest.config.ts).
  dev = synth({ stage: 'dev' });
});

describe('the data stack', () => {
  it('has the single table as the shared definition says: on demand, PITR, stream, TTL, indexes', () => {
    dev.data.resourceCountIs('AWS::DynamoDB::Table', 1);
    dev.data.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [
          { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
          { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
        ],
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
        TimeToLiveSpecification: { AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true },
        GlobalSecondaryIndexes: tableDefinition.globalIndexes.map((index) => ({
          IndexName: index.indexName,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: 'HASH' },
            { AttributeName: index.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        })),
      },
    });
  });

  it('keeps the attachments bucket private, encrypted, TLS-only, retained, with CORS for presigned uploads', () => {
    dev.data.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: {
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
        CorsConfiguration: { CorsRules: [Match.objectLike({ AllowedOrigins: ['http://localhost:5173'] })] },
      },
    });
    const [bucket] = Object.values(dev.data.findResources('AWS::S3::Bucket'));
    expect(bucket?.Properties.CorsConfiguration.CorsRules[0].AllowedMethods).toEqual(expect.arrayContaining(['PUT', 'GET']));
    dev.data.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });

  it('expires whatever stays under uploads/ after a day, every version of it', () => {
    dev.data.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({ Prefix: 'uploads/', Status: 'Enabled', ExpirationInDays: 1, NoncurrentVersionExpiration: { NoncurrentDays: 1 } }),
        ]),
      },
    });
    // Nothing under orgs/ ever expires.
    const [bucket] = Object.values(dev.data.findResources('AWS::S3::Bucket'));
    const rules = bucket?.Properties.LifecycleConfiguration.Rules as { Prefix?: string; ExpirationInDays?: number }[];
    expect(rules.filter((rule) => rule.ExpirationInDays !== undefined).map((rule) => rule.Prefix)).toEqual(['uploads/']);
  });

  it('has a user pool with e-mail sign-in, a password policy, recovery by e-mail and no self sign-up', () => {
    dev.data.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Retain',
      Properties: {
        UsernameAttributes: ['email'],
        AdminCreateUserConfig: Match.objectLike({ AllowAdminCreateUserOnly: true }),
        Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 12 }) },
        AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
      },
    });
  });

  it('has one app client per platform, without secrets', () => {
    dev.data.resourceCountIs('AWS::Cognito::UserPoolClient', 2);
    for (const name of ['azami', 'digimadi']) {
      dev.data.hasResourceProperties('AWS::Cognito::UserPoolClient', { ClientName: name, GenerateSecret: false });
    }
  });
});

describe('the API stack', () => {
  it('has an HTTP API with a Cognito JWT authorizer for both app clients', () => {
    dev.api.resourceCountIs('AWS::ApiGatewayV2::Api', 1);
    dev.api.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP' });
    const authorizers = Object.values(dev.api.findResources('AWS::ApiGatewayV2::Authorizer', { Properties: { AuthorizerType: 'JWT' } }));
    expect(authorizers).toHaveLength(1);
    expect(authorizers[0]?.Properties.JwtConfiguration.Audience).toHaveLength(2);
    expect(JSON.stringify(authorizers[0]?.Properties.JwtConfiguration.Issuer)).toContain('cognito-idp');
  });

  it('has exactly the routes of the route table, JWT-protected where the table says', () => {
    const synthesized = dev.api.findResources('AWS::ApiGatewayV2::Route');
    const keys = Object.values(synthesized).map((r) => ({
      key: r.Properties.RouteKey as string,
      auth: r.Properties.AuthorizationType as string,
    }));
    expect(keys.map((k) => k.key).sort()).toEqual(routeList.map(routeKey).sort());
    for (const route of routeList) {
      expect(keys.find((k) => k.key === routeKey(route))?.auth, routeKey(route)).toBe(route.auth === 'jwt' ? 'JWT' : 'NONE');
    }
  });

  it('has one Node 24 arm64 function per route with JSON logs', () => {
    expect(functionNames(dev.api).sort()).toEqual(routeList.map((route) => route.name).sort());
    for (const fn of Object.values(dev.api.findResources('AWS::Lambda::Function'))) {
      expect(fn.Properties).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'], LoggingConfig: { LogFormat: 'JSON' }, Handler: 'index.handler' });
    }
  });

  it('grants the bucket to the attachment routes only, one key prefix at a time', () => {
    // S3, per function: object actions on one key prefix each. The presigned POST acts with
    // request-upload's rights, so its ticket can write nothing outside uploads/; downloads can
    // read nothing but confirmed files; only confirm-upload writes (once) under orgs/.
    const expected: Record<string, Record<string, string[]>> = {
      'request-upload': { 'uploads/*': ['s3:PutObject'] },
      'confirm-upload': { 'uploads/*': ['s3:DeleteObject', 's3:GetObject'], 'orgs/*': ['s3:GetObject', 's3:PutObject'] },
      'download-attachment': { 'orgs/*': ['s3:GetObject'] },
    };
    for (const route of routeList) expect(s3Grants(dev.api, route.name), route.name).toEqual(expected[route.name] ?? {});
  });

  it('lets no function list the bucket or act on it as a whole', () => {
    const statements = Object.values(dev.api.findResources('AWS::IAM::Policy')).flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
    const s3 = statements.filter((s) => [s.Action].flat().some((action) => action.startsWith('s3:')));
    expect(s3.length).toBeGreaterThan(0);
    for (const statement of s3) {
      expect([statement.Action].flat().every((action) => ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'].includes(action)), JSON.stringify(statement)).toBe(true);
      expect([statement.Resource].flat().map(objectPattern)).toEqual([expect.stringMatching(/^(uploads|orgs)\/\*$/)]);
    }
  });
});

interface Statement {
  Action: string | string[];
  Resource: unknown;
}

/** The key pattern of an object ARN built from the bucket's ARN: `orgs/*` of `<bucket arn>/orgs/*`. */
const objectPattern = (resource: unknown): string => {
  const parts = (resource as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join']?.[1];
  const last = parts?.at(-1);
  return typeof last === 'string' && last.startsWith('/') ? last.slice(1) : `not an object pattern: ${JSON.stringify(resource)}`;
};

/** Whether a function's logical id is the one CDK makes for `name` (its id and a hash). */
const isFunctionOf = (name: string) => (id: string) => new RegExp(`^${logicalIdOf(name)}[0-9A-F]{8}$`).test(id);

/** The logical id of the one function made for `name`. */
const functionId = (template: Template, name: string): string => {
  const ids = Object.keys(template.findResources('AWS::Lambda::Function')).filter(isFunctionOf(name));
  expect(ids, name).toHaveLength(1);
  return ids[0]!;
};

/** Which of the tables' names have a function in `template`; every function must be one of them. */
const functionNames = (template: Template, names: readonly string[] = allNames): string[] => {
  const ids = Object.keys(template.findResources('AWS::Lambda::Function'));
  const found = names.filter((name) => ids.some(isFunctionOf(name)));
  expect(found, 'functions not made from a table entry').toHaveLength(ids.length);
  return found;
};
const allNames = [...routeList, ...functionList].map((entry) => entry.name);

/** Every statement of the policies on a function's role. */
const statementsOf = (template: Template, name: string): Statement[] => {
  const fn = template.findResources('AWS::Lambda::Function')[functionId(template, name)]!;
  const role = (fn.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(`"${role}"`))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
};

/** A function's S3 grants: the actions (sorted) per object key pattern. */
const s3Grants = (template: Template, name: string): Record<string, string[]> => {
  const grants: Record<string, string[]> = {};
  for (const statement of statementsOf(template, name)) {
    const actions = [statement.Action].flat().filter((action) => action.startsWith('s3:'));
    for (const pattern of [statement.Resource].flat().map(objectPattern)) if (actions.length > 0) grants[pattern] = [...(grants[pattern] ?? []), ...actions].sort();
  }
  return grants;
};

/** The actions of one service a function may take, each with the resources it may take it on. */
const grantsOf = (template: Template, name: string, service: string): Record<string, string> => {
  const grants: Record<string, string> = {};
  for (const statement of statementsOf(template, name)) {
    for (const action of [statement.Action].flat().filter((a) => a.startsWith(`${service}:`))) grants[action] = JSON.stringify(statement.Resource);
  }
  return grants;
};

/**
 * The services a function's access (and its trigger) call for, written out independently of the
 * construct: a function with more is over-granted, with fewer broken. X-Ray is every function's (tracing).
 */
const servicesFor = (access: FunctionAccess, trigger?: Trigger): string[] => {
  const services = new Set(['xray']);
  if (access.table || trigger?.kind === 'table-stream') services.add('dynamodb');
  if (access.bucket) services.add('s3');
  if (access.userPool) services.add('cognito-idp');
  if (access.mail) services.add('ses');
  if (access.workflow?.length) services.add('states');
  if (access.secrets?.length) services.add('secretsmanager');
  if (trigger?.kind === 'queue') services.add('sqs');
  return [...services].sort();
};

/** Checks that a function has the grants its entry names, and no more. */
const expectExactGrants = (template: Template, entry: { name: string; access: FunctionAccess; trigger?: Trigger }) => {
  const { name, access } = entry;
  const actions = statementsOf(template, name).flatMap((statement) => [statement.Action].flat());
  expect([...new Set(actions.map((action) => action.split(':')[0]!))].sort(), name).toEqual(servicesFor(access, entry.trigger));
  expect(actions.includes('dynamodb:PutItem'), `${name} writes the table`).toBe(access.table === 'readWrite');
  expect(actions.filter((action) => action.startsWith('cognito-idp:')).sort(), name).toEqual(
    access.userPool ? ['cognito-idp:AdminCreateUser', 'cognito-idp:AdminDisableUser', 'cognito-idp:AdminGetUser'] : [],
  );
  const bucket = Object.entries(access.bucket ?? {}).map(([prefix, objectActions]) => [`${prefix}*`, (objectActions ?? []).map((a) => `s3:${a[0]!.toUpperCase()}${a.slice(1)}Object`).sort()]);
  expect(s3Grants(template, name), name).toEqual(Object.fromEntries(bucket));
  const ses = grantsOf(template, name, 'ses');
  expect(Object.keys(ses).sort(), name).toEqual(access.mail ? ['ses:SendEmail', 'ses:SendRawEmail'] : []);
  for (const resources of Object.values(ses)) expect(resources).toMatch(/identity\/.*identity\//);
  const states = grantsOf(template, name, 'states');
  const workflow = access.workflow ?? [];
  expect(Object.keys(states).sort(), name).toEqual(
    [...(workflow.includes('start') ? ['states:StartExecution'] : []), ...(workflow.includes('report') ? ['states:SendTaskFailure', 'states:SendTaskHeartbeat', 'states:SendTaskSuccess'] : [])].sort(),
  );
  if (states['states:StartExecution']) expect(states['states:StartExecution']).toContain(':stateMachine:orderdesk-dev-workflow');
  const secrets = grantsOf(template, name, 'secretsmanager');
  expect(Object.keys(secrets), name).toEqual(access.secrets?.length ? ['secretsmanager:GetSecretValue'] : []);
  for (const secret of access.secrets ?? []) expect(secrets['secretsmanager:GetSecretValue']).toContain(`:secret:orderdesk/dev/${secret}-??????`);
};

describe('the function table', () => {
  it('has one Node 24 arm64 function per entry with JSON logs, and no other', () => {
    expect(functionNames(dev.functions).sort()).toEqual(functionList.map((entry) => entry.name).sort());
    for (const fn of Object.values(dev.functions.findResources('AWS::Lambda::Function'))) {
      expect(fn.Properties).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'], LoggingConfig: { LogFormat: 'JSON' }, Handler: 'index.handler' });
    }
  });

  it('gives every function, route or entry, exactly the grants its access names', () => {
    for (const route of routeList) expectExactGrants(dev.api, route);
    for (const entry of functionList) expectExactGrants(dev.functions, entry);
  });

  it('grants and wires every kind of access and trigger an entry can name, and nothing more', () => {
    const built = synthFixture();
    expect(functionNames(built, fixture.map((entry) => entry.name)).sort()).toEqual(fixture.map((entry) => entry.name).sort());
    for (const entry of fixture) expectExactGrants(built, entry);
    // Each function's settings tell it where what it was granted is.
    const environment = (name: string) => (built.findResources('AWS::Lambda::Function')[functionId(built, name)]!.Properties.Environment.Variables ?? {}) as Record<string, unknown>;
    expect(environment('get-me')).toMatchObject({ [EnvName.mailFrom]: 'helpdesk@orderdesk.example', [EnvName.tableName]: expect.anything() });
    expect(JSON.stringify(environment('get-request')[EnvName.workflowArn])).toContain(':stateMachine:orderdesk-dev-workflow');
    expect(environment('list-requests')).toMatchObject({ [EnvName.secretsPrefix]: 'orderdesk/dev/', [EnvName.bucketName]: expect.anything() });
    expect(environment('health')).not.toHaveProperty(EnvName.tableName);
    // Triggers: a schedule rule, a filtered stream mapping, a queue with a dead-letter queue, a rule for inbound mail.
    built.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(1 hour)' });
    built.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      FilterCriteria: { Filters: [{ Pattern: JSON.stringify({ eventName: ['INSERT'], dynamodb: { NewImage: { entity: { S: ['timeline'] } } } }) }] },
    });
    built.resourceCountIs('AWS::SQS::Queue', 2);
    built.hasResourceProperties('AWS::SQS::Queue', { RedrivePolicy: Match.objectLike({ maxReceiveCount: 5 }) });
    built.hasResourceProperties('AWS::Events::Rule', { EventPattern: Match.objectLike({ source: ['aws.s3'], detail: Match.objectLike({ object: { key: [{ prefix: 'mail/' }] } }) }) });
  });

  it('refuses to synthesize a function that sends mail without a sender', () => {
    expect(() => synthFixture({ mailFrom: undefined })).toThrow(/get-me sends mail: set the stage's sender with -c mailFrom/);
  });
});

/**
 * Entries that name every kind of access and trigger the table can express, on handler modules
 * that exist (the test checks the wiring, not what they do), synthesized in an app of their own.
 */
const fixture: (Pick<FunctionDefinition, 'name' | 'access' | 'trigger'>)[] = [
  { name: 'health', trigger: { kind: 'schedule', expression: 'rate(1 hour)' }, access: {} },
  { name: 'get-me', trigger: { kind: 'table-stream', entities: ['timeline'], events: ['INSERT'], batchSize: 10 }, access: { table: 'read', mail: 'send' } },
  { name: 'get-request', trigger: { kind: 'queue', batchSize: 5 }, access: { workflow: ['start', 'report'] } },
  { name: 'list-requests', trigger: { kind: 'inbound-mail' }, access: { bucket: { 'mail/': ['get', 'delete'] }, secrets: ['payment-webhook'] } },
];

const synthFixture = (context: Record<string, string | undefined> = { mailFrom: 'helpdesk@orderdesk.example' }) => {
  const app = new App({ outdir, context: { ...cdkJson.context } });
  const config = stageConfig((key) => (key === 'stage' ? 'dev' : context[key]));
  // A region, as `cdk deploy` has: Cognito's SES sender needs it.
  const env = { account: '123456789012', region: 'eu-central-1' };
  const data = new DataStack(app, 'fixture-data', { env, config });
  const stack = new FunctionsStack(app, 'fixture-functions', {
    env,
    config,
    resources: { table: data.table, bucket: data.bucket, userPool: data.userPool, appClientIds: data.appClientIds },
    functions: fixture.map((entry) => ({ ...entry, summary: entry.name, actor: 'workflow', schemas: { input: z.unknown(), output: z.unknown() } })),
  });
  return Template.fromStack(stack);
};

describe('stage settings', () => {
  it('bundles each function once per process: prod reuses the dev bundles (stage-independent bundling options)', () => {
    const spawnSync = vi.spyOn(childProcess, 'spawnSync');
    let commands: string[];
    try {
      synth({ stage: 'prod', portalOrigins: 'https://helpdesk.azami.example' });
      commands = spawnSync.mock.calls.map(([command, args]) => [command, ...(args ?? [])].join(' '));
    } finally {
      spawnSync.mockRestore();
    }
    expect(commands.filter((command) => command.includes('esbuild'))).toEqual([]);
  });

  it('protects the table and user pool from deletion in prod', () => {
    const prod = synth({ stage: 'prod', portalOrigins: 'https://helpdesk.azami.example' });
    prod.data.hasResourceProperties('AWS::DynamoDB::Table', { DeletionProtectionEnabled: true });
    prod.data.hasResourceProperties('AWS::Cognito::UserPool', { DeletionProtection: 'ACTIVE' });
    prod.data.hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: { CorsRules: [Match.objectLike({ AllowedOrigins: ['https://helpdesk.azami.example'] })] },
    });
  });

  it('refuses an unknown stage or a malformed origin, naming the field', () => {
    expect(() => buildApp(new App({ context: { stage: 'qa' } }))).toThrow(/stage/);
    expect(() => buildApp(new App({ context: { stage: 'dev', portalOrigins: 'https://x.example/' } }))).toThrow(/portalOrigins/);
  });
});
