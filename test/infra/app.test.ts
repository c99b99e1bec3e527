import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { App, CfnWaitConditionHandle, FileSystem, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tableDefinition } from '../../lib/adapters/dynamodb/table-definition.js';
import { routeKey } from '../../lib/http/route.js';
import { noRoute, routeList } from '../../lib/http/routes.js';
import * as z from 'zod';
import { DataStack, isDataStackFunction } from '../../infra/data-stack.js';
import { buildFunctionBundles, esbuildPasses, functionBundle, writeFunctionBundle } from '../../infra/function-bundles.js';
import { FunctionsStack } from '../../infra/functions-stack.js';
import { logicalIdOf } from '../../infra/logical-id.js';
import { buildApp } from '../../infra/orderdesk-app.js';
import { limitResources, resourceCountOf, stackResourceLimit } from '../../infra/resource-limit.js';
import { defaultMailFrom, placeholderSupplier, stageConfig } from '../../infra/stage-config.js';
import type { FunctionAccess } from '../../lib/config/access.js';
import { EnvName } from '../../lib/config/env.js';
import type { FunctionDefinition, Trigger } from '../../lib/lambda/definition.js';
import { functionList } from '../../lib/lambda/table.js';
import { apiTemplate, nestedStacksOf } from './api-template.js';
import { prodContext } from './prod-context.js';
import { fixedAssumptions } from '../../bench/cost-model.js';
import { businessMetrics } from '../../lib/observability/metric-names.js';

// The same context (feature flags) `cdk synth` reads from cdk.json.
const cdkJson = JSON.parse(fs.readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as { context: Record<string, unknown> };

// One cloud-assembly dir for every app this file synthesizes. CDK caches staged assets per process,
// keyed by the bundling options *and* the output dir; each `new App()` would otherwise get a temp
// dir of its own, and prod would bundle all ~24 functions again (each an `npx esbuild`, ~0.4 s).
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'orderdesk-infra-'));
afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

// CloudFormation's own template check (which `cdk synth` runs too, ~1.6 s of CPU for this app)
// runs on the dev and prod apps in nag.test.ts, not again on each synth here.
const synth = (context: Record<string, string>) => {
  // A production deploy knows its region (Cognito sends through SES there).
  if (context.stage === 'prod') vi.stubEnv('CDK_DEFAULT_REGION', 'eu-central-1');
  const built = (() => {
    try {
      return buildApp(new App({ outdir, builtinCloudFormationValidation: false, context: { ...cdkJson.context, ...context } }));
    } finally {
      vi.unstubAllEnvs();
    }
  })();
  return {
    built,
    data: Template.fromStack(built.data),
    // The parent and its route groups (nested stacks) as one template.
    api: apiTemplate(built.api),
    functions: Template.fromStack(built.functions),
    monitoring: Template.fromStack(built.monitoring!),
  };
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
        // The portal distribution's own domain: dev names no portal domains (test/infra/portal.test.ts).
        CorsConfiguration: { CorsRules: [Match.objectLike({ AllowedOrigins: [{ 'Fn::Join': ['', ['https://', { 'Fn::ImportValue': Match.stringLikeRegexp('^orderdesk-dev-portal:') }]] }] })] },
      },
    });
    const bucket = attachmentsBucket(dev.data);
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
    const bucket = attachmentsBucket(dev.data);
    const rules = bucket?.Properties.LifecycleConfiguration.Rules as { Prefix?: string; ExpirationInDays?: number }[];
    expect(rules.filter((rule) => rule.ExpirationInDays !== undefined).map((rule) => rule.Prefix)).toEqual(['uploads/', 'exports/', 'quarantine/']);
  });

  it('keeps an infected file in quarantine/ for 90 days, then expires every version of it', () => {
    dev.data.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: {
        Rules: Match.arrayWith([Match.objectLike({ Prefix: 'quarantine/', Status: 'Enabled', ExpirationInDays: 90, NoncurrentVersionExpiration: { NoncurrentDays: 90 } })]),
      },
    });
  });

  it('expires a person’s export after a day, every version of it', () => {
    dev.data.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: {
        Rules: Match.arrayWith([Match.objectLike({ Prefix: 'exports/', Status: 'Enabled', ExpirationInDays: 1, NoncurrentVersionExpiration: { NoncurrentDays: 1 } })]),
      },
    });
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

  it('lets Cognito keep its own sender while the stage has only the placeholder mailFrom', () => {
    const [pool] = Object.values(dev.data.findResources('AWS::Cognito::UserPool'));
    expect(pool?.Properties.EmailConfiguration).toBeUndefined();
  });

  it("has the user pool ask the cognito-message function for its mails, by the function's fixed name", () => {
    const id = functionId(dev.data, 'cognito-message');
    const fn = dev.data.findResources('AWS::Lambda::Function')[id]!;
    expect(fn.Properties.FunctionName).toBe('orderdesk-dev-cognito-message');
    const [poolId, pool] = Object.entries(dev.data.findResources('AWS::Cognito::UserPool'))[0]!;
    const customMessage = pool.Properties.LambdaConfig.CustomMessage as unknown;
    // The ARN built from the name: a reference to the function would close the cycle pool → function → app clients → pool.
    expect(resolveArn(customMessage)).toBe('arn:aws:lambda:<region>:<account>:function:orderdesk-dev-cognito-message');
    expect(JSON.stringify(customMessage)).not.toContain(id);
    expect(Object.keys(pool.Properties.LambdaConfig)).toEqual(['CustomMessage']);
    dev.data.resourceCountIs('AWS::Lambda::Permission', 1);
    dev.data.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: { 'Fn::GetAtt': [id, 'Arn'] },
      Principal: 'cognito-idp.amazonaws.com',
      SourceArn: { 'Fn::GetAtt': [poolId, 'Arn'] },
    });
  });

  it('generates the mail-links, payment-webhook and webhook-keys secrets in CloudFormation and retains them', () => {
    dev.data.resourceCountIs('AWS::SecretsManager::Secret', 3);
    for (const name of ['mail-links', 'payment-webhook', 'webhook-keys']) {
      dev.data.hasResource('AWS::SecretsManager::Secret', {
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: { Name: `orderdesk/dev/${name}`, GenerateSecretString: { PasswordLength: 64, ExcludePunctuation: true } },
      });
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

  it('has exactly the routes of the route table, JWT-protected where the table says, and $default for calls of no route', () => {
    const synthesized = dev.api.findResources('AWS::ApiGatewayV2::Route');
    const keys = Object.values(synthesized).map((r) => ({
      key: r.Properties.RouteKey as string,
      auth: r.Properties.AuthorizationType as string,
    }));
    expect(keys.map((k) => k.key).sort()).toEqual([...routeList.map(routeKey), '$default'].sort());
    expect(keys.find((k) => k.key === '$default')?.auth).toBe('NONE');
    for (const route of routeList) {
      expect(keys.find((k) => k.key === routeKey(route))?.auth, routeKey(route)).toBe(route.auth === 'jwt' ? 'JWT' : 'NONE');
    }
  });

  it('has the one JWT authorizer in the parent stack, and every JWT route of every route group uses it', () => {
    const parent = Template.fromStack(dev.built.api);
    const [authorizerId, ...others] = Object.keys(parent.findResources('AWS::ApiGatewayV2::Authorizer'));
    expect(others).toEqual([]);
    for (const nested of nestedStacksOf(dev.built.api)) Template.fromStack(nested).resourceCountIs('AWS::ApiGatewayV2::Authorizer', 0);
    const [apiId] = Object.keys(parent.findResources('AWS::ApiGatewayV2::Api'));
    const routes = Object.values(dev.api.findResources('AWS::ApiGatewayV2::Route'));
    expect(routes.filter((r) => r.Properties.AuthorizationType === 'JWT')).toHaveLength(routeList.filter((route) => route.auth === 'jwt').length);
    for (const route of routes) {
      expect(route.Properties.ApiId, route.Properties.RouteKey).toEqual({ Ref: apiId });
      if (route.Properties.AuthorizationType === 'JWT') expect(route.Properties.AuthorizerId, route.Properties.RouteKey).toEqual({ Ref: authorizerId });
    }
  });

  it("puts each tag's routes in a nested stack of their own, and keeps the API, its stage, the no-route function and the 5xx alarm in the parent", () => {
    const groups = dev.built.api.routeGroups;
    expect(groups.map((group) => group.tag).sort()).toEqual([...new Set(routeList.map((route) => route.tag))].sort());
    expect(nestedStacksOf(dev.built.api)).toEqual(expect.arrayContaining([...groups]));
    for (const group of groups) {
      expect(group.node.id, group.tag).toBe(`Routes${group.tag.charAt(0).toUpperCase()}${group.tag.slice(1)}`);
      const template = Template.fromStack(group);
      expect(functionNames(template).sort(), group.tag).toEqual(routeList.filter((route) => route.tag === group.tag).map((route) => route.name).sort());
      expect(Object.values(template.findResources('AWS::ApiGatewayV2::Route')).map((r) => r.Properties.RouteKey).sort(), group.tag).toEqual(
        routeList.filter((route) => route.tag === group.tag).map(routeKey).sort(),
      );
    }
    const parent = Template.fromStack(dev.built.api);
    expect(functionNames(parent)).toEqual([noRoute.name]);
    for (const type of ['AWS::ApiGatewayV2::Api', 'AWS::ApiGatewayV2::Stage', 'AWS::ApiGatewayV2::Authorizer', 'AWS::CloudWatch::Alarm']) parent.resourceCountIs(type, 1);
    expect(Object.values(parent.findResources('AWS::ApiGatewayV2::Route')).map((r) => r.Properties.RouteKey)).toEqual(['$default']);
    expect(Object.keys(parent.toJSON().Outputs)).toContain('ApiUrl');
  });

  it('keeps the parent and every route group well under CloudFormation’s 500 resources, below the guard', () => {
    for (const stack of [dev.built.api, ...dev.built.api.routeGroups]) {
      const resources = Object.values(Template.fromStack(stack).toJSON().Resources as Record<string, { Type: string }>).filter((r) => r.Type !== 'AWS::CDK::Metadata');
      // The guard counts what the template has.
      expect(resourceCountOf(stack), stack.node.path).toBe(resources.length);
      expect(resources.length, stack.node.path).toBeLessThanOrEqual(stackResourceLimit);
    }
  });

  it('refuses to synthesize a stack of more resources than the guard allows, saying what to do', () => {
    const synthesizeWith = (resources: number) => () => {
      const app = new App();
      const stack = new Stack(app, 'big');
      limitResources(stack, 'split it');
      for (let index = 0; index < resources; index++) new CfnWaitConditionHandle(stack, `Handle${index}`);
      app.synth();
    };
    expect(synthesizeWith(stackResourceLimit)).not.toThrow();
    expect(synthesizeWith(stackResourceLimit + 1)).toThrow(`[big] big makes ${stackResourceLimit + 1} resources, more than ${stackResourceLimit} (CloudFormation refuses a stack of more than 500): split it`);
  });

  it("links the mail the routes send to the API's own URL", () => {
    const [apiId] = Object.keys(dev.api.findResources('AWS::ApiGatewayV2::Api'));
    const mailRoutes = routeList.filter((route) => route.access.mail);
    expect(mailRoutes.length).toBeGreaterThan(0);
    for (const route of mailRoutes) expect(environmentOf(dev.api, route.name)[EnvName.apiUrl], route.name).toEqual({ 'Fn::GetAtt': [apiId, 'ApiEndpoint'] });
  });

  it('has one Node 24 arm64 function per route, and the no-route one, with JSON logs', () => {
    expect(functionNames(dev.api).sort()).toEqual([...routeList, noRoute].map((route) => route.name).sort());
    for (const fn of Object.values(dev.api.findResources('AWS::Lambda::Function'))) {
      expect(fn.Properties).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'], LoggingConfig: { LogFormat: 'JSON' }, Handler: 'index.handler' });
    }
    // 10 s each, but for the routes that read the whole table (a person's export and erasure): API Gateway's 29.
    const timeouts = Object.fromEntries([...routeList, noRoute].map((route) => [route.name, dev.api.findResources('AWS::Lambda::Function')[functionId(dev.api, route.name)]!.Properties.Timeout]));
    expect(Object.entries(timeouts).filter(([, seconds]) => seconds !== 10)).toEqual([
      ['export-person', 29],
      ['erase-person', 29],
    ]);
  });

  it('grants the bucket to the attachment, order, export and erasure routes only, one key prefix at a time', () => {
    // S3, per function: object actions on one key prefix each. The presigned POST acts with
    // request-upload's rights, so its ticket can write nothing outside uploads/; downloads can
    // read nothing but confirmed files; only confirm-upload writes (once) under orgs/; orders'
    // PDFs are read by the order route's presigned link and the resend of a parked mail.
    const expected: Record<string, Record<string, string[]>> = {
      'request-upload': { 'uploads/*': ['s3:PutObject'] },
      'confirm-upload': { 'uploads/*': ['s3:DeleteObject', 's3:GetObject'], 'orgs/*': ['s3:GetObject', 's3:PutObject'] },
      'download-attachment': { 'orgs/*': ['s3:GetObject'] },
      'get-order': { 'orders/*': ['s3:GetObject'] },
      'resend-mail': { 'orders/*': ['s3:GetObject'] },
      'export-person': { 'exports/*': ['s3:GetObject', 's3:PutObject'] },
      // The raw mail an erased person sent.
      'erase-person': { 'mail/*': ['s3:DeleteObject'] },
    };
    for (const route of routeList) expect(s3Grants(dev.api, route.name), route.name).toEqual(expected[route.name] ?? {});
  });

  it('lets no function list the bucket or act on it as a whole', () => {
    const statements = Object.values(dev.api.findResources('AWS::IAM::Policy')).flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
    const s3 = statements.filter((s) => [s.Action].flat().some((action) => action.startsWith('s3:')));
    expect(s3.length).toBeGreaterThan(0);
    for (const statement of s3) {
      expect([statement.Action].flat().every((action) => ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'].includes(action)), JSON.stringify(statement)).toBe(true);
      expect([statement.Resource].flat().map(objectPattern)).toEqual([expect.stringMatching(/^(uploads|orgs|orders|exports|mail)\/\*$/)]);
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
  const last = typeof resource === 'string' ? resource : parts?.at(-1);
  const pattern = typeof last === 'string' ? /\/([^/]+\/\*)$/.exec(last)?.[1] : undefined;
  return pattern ?? `not an object pattern: ${JSON.stringify(resource)}`;
};

/** The attachments bucket (the data stack also has its access log bucket). */
const attachmentsBucket = (template: Template) => {
  const [bucket] = Object.entries(template.findResources('AWS::S3::Bucket')).filter(([id]) => id.startsWith('Attachments'));
  return bucket![1];
};

/** Resolves an ARN `Fn::Join` of pseudo parameters to a readable string: `arn:aws:lambda:<region>:<account>:…`. */
const resolveArn = (arn: unknown): string => {
  const part = (value: unknown): string => {
    if (typeof value === 'string') return value;
    const ref = (value as { Ref?: string }).Ref;
    return ref === 'AWS::AccountId' ? '<account>' : ref === 'AWS::Region' ? '<region>' : ref === 'AWS::Partition' ? 'aws' : JSON.stringify(value);
  };
  const join = (arn as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
  const text = join ? join[1].map(part).join(join[0]) : part(arn);
  // The region and account are what `cdk` resolved (CDK_DEFAULT_*), the fixture's, or pseudo parameters.
  return text.replace(/^arn:aws:([a-z-]+):[a-z0-9<>-]+:(\d{12}|<account>):/, 'arn:aws:$1:<region>:<account>:');
};

/** An IAM resource pattern (`*`, `?`) as a regular expression. */
const iamPattern = (pattern: string) => new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);

/** Whether a function's logical id is the one CDK makes for `name` (its id and a hash). */
const isFunctionOf = (name: string) => (id: string) => new RegExp(`^${logicalIdOf(name)}[0-9A-F]{8}$`).test(id);

/** The logical id of the one function made for `name`. */
const functionId = (template: Template, name: string): string => {
  const ids = Object.keys(template.findResources('AWS::Lambda::Function')).filter(isFunctionOf(name));
  expect(ids, name).toHaveLength(1);
  return ids[0]!;
};

/** CDK's own functions, not made from a table entry: the handler that turns on the bucket's EventBridge notifications. */
const isCdkFunction = (id: string) => /^BucketNotificationsHandler[0-9a-f]{32}[0-9A-F]{8}$/.test(id);

/** Which of the tables' names have a function in `template`; every function (but CDK's own) must be one of them. */
const functionNames = (template: Template, names: readonly string[] = allNames): string[] => {
  const ids = Object.keys(template.findResources('AWS::Lambda::Function')).filter((id) => !isCdkFunction(id));
  const found = names.filter((name) => ids.some(isFunctionOf(name)));
  expect(found, 'functions not made from a table entry').toHaveLength(ids.length);
  return found;
};
const allNames = [...routeList, noRoute, ...functionList].map((entry) => entry.name);

/** A function's environment variables. */
/** Dev's PORTAL_URLS: both platforms at the portal distribution's own domain (test/infra/portal.test.ts). */
const devDistribution = { 'Fn::ImportValue': expect.stringMatching(/^orderdesk-dev-portal:ExportsOutputFnGetAttDistribution[0-9A-F]{8}DomainName/) };
const devPortalUrls = { 'Fn::Join': ['', ['{"azami":"https://', devDistribution, '","digimadi":"https://', devDistribution, '"}']] };

const environmentOf = (template: Template, name: string) =>
  (template.findResources('AWS::Lambda::Function')[functionId(template, name)]!.Properties.Environment.Variables ?? {}) as Record<string, unknown>;

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
 * construct: a function with more is over-granted, with fewer broken. X-Ray is every function's (tracing), and so is CloudWatch Logs (its own log group).
 */
const servicesFor = (access: FunctionAccess, trigger?: Trigger): string[] => {
  const services = new Set(['xray', 'logs']);
  if (access.table || trigger?.kind === 'table-stream') services.add('dynamodb');
  if (access.bucket) services.add('s3');
  if (access.userPool?.length) services.add('cognito-idp');
  if (access.mail) services.add('ses');
  if (access.workflow?.length) services.add('states');
  if (access.secrets?.length) services.add('secretsmanager');
  // Its queue to receive from, or its stream's on-failure queue to send to, or the queues it sends to.
  if (trigger?.kind === 'queue' || trigger?.kind === 'table-stream' || access.queues?.length) services.add('sqs');
  return [...services].sort();
};

/** Checks that a function has the grants its entry names, and no more. */
const expectExactGrants = (template: Template, entry: { name: string; access: FunctionAccess; trigger?: Trigger }, mailFrom = defaultMailFrom.dev) => {
  const { name, access } = entry;
  const actions = statementsOf(template, name).flatMap((statement) => [statement.Action].flat());
  expect([...new Set(actions.map((action) => action.split(':')[0]!))].sort(), name).toEqual(servicesFor(access, entry.trigger));
  expect(actions.includes('dynamodb:PutItem'), `${name} writes the table`).toBe(access.table === 'readWrite');
  expect(actions.filter((action) => action.startsWith('cognito-idp:')).sort(), name).toEqual(
    (access.userPool ?? []).map((action) => `cognito-idp:${action}`).sort(),
  );
  // On the one user pool, by its ARN, never a wildcard.
  for (const resources of Object.values(grantsOf(template, name, 'cognito-idp'))) {
    expect(JSON.parse(resources), name).toEqual({ 'Fn::ImportValue': expect.stringMatching(/^orderdesk-\w+-data:ExportsOutputFnGetAttUsers\w+Arn\w+$/) });
  }
  const bucket = Object.entries(access.bucket ?? {}).map(([prefix, objectActions]) => [`${prefix}*`, (objectActions ?? []).map((a) => `s3:${a[0]!.toUpperCase()}${a.slice(1)}Object`).sort()]);
  expect(s3Grants(template, name), name).toEqual(Object.fromEntries(bucket));
  const ses = grantsOf(template, name, 'ses');
  expect(Object.keys(ses).sort(), name).toEqual(access.mail ? ['ses:SendEmail', 'ses:SendRawEmail'] : []);
  // The sender's identities (address and domain) and the configuration set every mail names, nothing else.
  for (const resources of Object.values(ses)) {
    expect((JSON.parse(resources) as unknown[]).map(resolveArn), name).toEqual([
      `arn:aws:ses:<region>:<account>:identity/${mailFrom}`,
      `arn:aws:ses:<region>:<account>:identity/${mailFrom.split('@')[1]}`,
      'arn:aws:ses:<region>:<account>:configuration-set/orderdesk-dev',
    ]);
  }
  const states = grantsOf(template, name, 'states');
  const workflow = access.workflow ?? [];
  expect(Object.keys(states).sort(), name).toEqual(
    [
      ...(workflow.includes('start') ? ['states:StartExecution'] : []),
      ...(workflow.includes('report') ? ['states:SendTaskFailure', 'states:SendTaskHeartbeat', 'states:SendTaskSuccess'] : []),
      ...(workflow.includes('describe') ? ['states:DescribeExecution'] : []),
    ].sort(),
  );
  if (states['states:StartExecution']) expect(states['states:StartExecution']).toContain(':stateMachine:orderdesk-dev-workflow');
  if (states['states:DescribeExecution']) expect(states['states:DescribeExecution']).toContain(':execution:orderdesk-dev-workflow:*');
  const secrets = grantsOf(template, name, 'secretsmanager');
  expect(Object.keys(secrets), name).toEqual(access.secrets?.length ? ['secretsmanager:GetSecretValue'] : []);
  const secretArns = access.secrets?.length ? [JSON.parse(secrets['secretsmanager:GetSecretValue']!) as unknown].flat().map(resolveArn) : [];
  expect(secretArns, name).toEqual((access.secrets ?? []).map((secret) => `arn:aws:secretsmanager:<region>:<account>:secret:orderdesk/dev/${secret}-??????`));
  // SQS: sending to its stream's on-failure queue, or receiving from its own queue, or sending (only)
  // to the queues its access names, by their fixed names; never anyone else's.
  const ownQueue = new RegExp(`^\\{"Fn::GetAtt":\\["${logicalIdOf(name)}(StreamFailures|Queue)[0-9A-F]{8}","Arn"\\]\\}$`);
  const sent: string[] = [];
  for (const statement of statementsOf(template, name)) {
    const actions = [statement.Action].flat().filter((action) => action.startsWith('sqs:'));
    if (actions.length === 0 || ownQueue.test(JSON.stringify(statement.Resource))) continue;
    expect(actions, name).toEqual(['sqs:SendMessage']);
    sent.push(...[statement.Resource].flat().map(resolveArn));
  }
  expect(sent.sort(), name).toEqual((access.queues ?? []).map((queue) => `arn:aws:sqs:<region>:<account>:orderdesk-dev-${queue}`).sort());
  if (entry.trigger?.kind === 'table-stream') {
    expect(Object.keys(grantsOf(template, name, 'sqs')).sort(), name).toEqual(['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage']);
  }
};

const dataEntries = functionList.filter(isDataStackFunction);
const functionsEntries = functionList.filter((entry) => !isDataStackFunction(entry));

describe('the function table', () => {
  it('has one Node 24 arm64 function per entry with JSON logs, and no other: the user pool trigger in the data stack, the rest in the functions stack', () => {
    expect(dataEntries.map((entry) => entry.name)).toEqual(['cognito-message']);
    expect(functionNames(dev.functions).sort()).toEqual(functionsEntries.map((entry) => entry.name).sort());
    expect(functionNames(dev.data)).toEqual(['cognito-message']);
    expect(functionNames(dev.api).filter((name) => functionList.some((entry) => entry.name === name))).toEqual([]);
    for (const template of [dev.functions, dev.data]) {
      for (const [id, fn] of Object.entries(template.findResources('AWS::Lambda::Function'))) {
        if (isCdkFunction(id)) continue;
        expect(fn.Properties).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'], LoggingConfig: { LogFormat: 'JSON' }, Handler: 'index.handler' });
      }
    }
  });

  it('gives every function, route or entry, in any stack, exactly the grants its access names', () => {
    for (const route of [...routeList, noRoute]) expectExactGrants(dev.api, route);
    for (const entry of functionsEntries) expectExactGrants(dev.functions, entry);
    for (const entry of dataEntries) expectExactGrants(dev.data, entry);
  });

  it('gives the webhook deliveries a queue of their own by a fixed name, with a dead-letter queue, and lets only the producers send to it', () => {
    dev.functions.hasResourceProperties('AWS::SQS::Queue', {
      QueueName: 'orderdesk-dev-webhook-deliver',
      VisibilityTimeout: 60,
      RedrivePolicy: { maxReceiveCount: 5, deadLetterTargetArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^WebhookDeliverDeadLetters'), 'Arn'] } },
    });
    const producers = [...routeList, ...functionList].filter((entry) => entry.access.queues?.includes('webhook-deliver')).map((entry) => entry.name);
    expect(producers.sort()).toEqual(['resend-webhook-delivery', 'webhook-deliver', 'webhook-fanout', 'webhook-retry']);
    // Told where it is: its URL built of the fixed name, in the stack's account and region.
    for (const [template, name] of [[dev.functions, 'webhook-fanout'], [dev.functions, 'webhook-retry'], [dev.api, 'resend-webhook-delivery']] as const) {
      expect(JSON.stringify(environmentOf(template, name)[EnvName.queueUrls]), name).toMatch(/webhook-deliver.*https:\/\/sqs\..*orderdesk-dev-webhook-deliver/);
    }
    // No one else is told, and no one else may send.
    for (const fn of Object.values(dev.api.findResources('AWS::Lambda::Function'))) {
      if (!JSON.stringify(fn.Properties.Role).includes('ResendWebhookDelivery')) expect(fn.Properties.Environment?.Variables ?? {}).not.toHaveProperty(EnvName.queueUrls);
    }
    // The fan-out links its events to the API without sending mail.
    expect(environmentOf(dev.functions, 'webhook-fanout')[EnvName.apiUrl]).toEqual({ 'Fn::ImportValue': expect.stringMatching(/^orderdesk-dev-api:ExportsOutputFnGetAttApi[0-9A-F]{8}ApiEndpoint/) });
    // Not in a VPC: the address checks before each delivery are what keep it off private networks.
    for (const fn of Object.values(dev.functions.findResources('AWS::Lambda::Function'))) expect(fn.Properties.VpcConfig).toBeUndefined();
  });

  it('lets only the functions whose access names mail-links read that secret, by the name the data stack gives it', () => {
    const readers = (template: Template) =>
      Object.entries(template.findResources('AWS::Lambda::Function'))
        .filter(([id]) => !isCdkFunction(id))
        .map(([id]) => allNames.find((name) => isFunctionOf(name)(id))!)
        .filter((name) => Object.values(grantsOf(template, name, 'secretsmanager')).some((resource) => resource.includes('mail-links')));
    const expected = [...routeList, ...functionList].filter((entry) => entry.access.secrets?.includes('mail-links')).map((entry) => entry.name);
    expect(expected.length).toBeGreaterThan(0);
    expect([dev.api, dev.functions, dev.data].flatMap(readers).sort()).toEqual(expected.sort());
    // Secrets Manager appends `-` and six characters to the name: the granted pattern matches the generated secret, and only it.
    const secret = Object.values(dev.data.findResources('AWS::SecretsManager::Secret')).find((s) => String(s.Properties.Name).endsWith('mail-links'));
    const pattern = iamPattern('orderdesk/dev/mail-links-??????');
    expect(pattern.test(`${secret?.Properties.Name}-AbC123`)).toBe(true);
    expect(pattern.test('orderdesk/dev/mail-links-extra-AbC123')).toBe(false);
    expect(pattern.test('orderdesk/prod/mail-links-AbC123')).toBe(false);
  });

  it('tells a function that sends mail its sender, the reply domain, the portal and API URLs and the configuration set; every function the portal URLs', () => {
    expect(environmentOf(dev.functions, 'notify')).toMatchObject({
      [EnvName.mailFrom]: 'helpdesk@dev.orderdesk.example',
      [EnvName.inboundDomain]: 'reply.dev.orderdesk.example',
      [EnvName.portalUrls]: devPortalUrls,
      [EnvName.apiUrl]: { 'Fn::ImportValue': expect.stringMatching(new RegExp('^orderdesk-dev-api:ExportsOutputFnGetAttApi[0-9A-F]{8}ApiEndpoint')) },
      [EnvName.mailConfigurationSet]: 'orderdesk-dev',
      [EnvName.secretsPrefix]: 'orderdesk/dev/',
    });
    for (const name of ['take-workflow-step', 'record-mail-event']) {
      const environment = environmentOf(dev.functions, name);
      expect(environment[EnvName.portalUrls], name).toEqual(devPortalUrls);
      for (const variable of [EnvName.mailFrom, EnvName.inboundDomain, EnvName.apiUrl, EnvName.mailConfigurationSet, EnvName.localSecrets]) expect(environment, name).not.toHaveProperty(variable);
    }
    expect(environmentOf(dev.data, 'cognito-message')).toHaveProperty(EnvName.portalUrls);
    // Secrets come from Secrets Manager in AWS: LOCAL_SECRETS is the local stack's alone, and so is
    // letting webhooks go to http://127.0.0.1.
    for (const template of [dev.api, dev.functions, dev.data]) {
      for (const fn of Object.values(template.findResources('AWS::Lambda::Function'))) {
        for (const variable of [EnvName.localSecrets, EnvName.webhooksAllowLoopback]) expect(fn.Properties.Environment?.Variables ?? {}).not.toHaveProperty(variable);
      }
    }
  });

  it('has the one SES configuration set publish bounces and complaints to the default event bus', () => {
    // In the data stack, deployed before the API and the functions that name it.
    dev.data.resourceCountIs('AWS::SES::ConfigurationSet', 1);
    dev.functions.resourceCountIs('AWS::SES::ConfigurationSet', 0);
    dev.api.resourceCountIs('AWS::SES::ConfigurationSet', 0);
    const [setId] = Object.keys(dev.data.findResources('AWS::SES::ConfigurationSet', { Properties: { Name: 'orderdesk-dev' } }));
    expect(setId).toBeDefined();
    const destinations = Object.values(dev.data.findResources('AWS::SES::ConfigurationSetEventDestination'));
    expect(destinations).toHaveLength(1);
    const { ConfigurationSetName, EventDestination } = destinations[0]!.Properties;
    expect(ConfigurationSetName).toEqual({ Ref: setId });
    expect(EventDestination.Enabled).toBe(true);
    expect((EventDestination.MatchingEventTypes as string[]).map((type) => type.toUpperCase()).sort()).toEqual(['BOUNCE', 'COMPLAINT']);
    expect(resolveArn(EventDestination.EventBridgeDestination.EventBusArn)).toBe('arn:aws:events:<region>:<account>:event-bus/default');
  });

  it("routes this stage's bounces and complaints from EventBridge to record-mail-event, with retries and a dead-letter queue", () => {
    const fn = functionId(dev.functions, 'record-mail-event');
    const rules = Object.values(dev.functions.findResources('AWS::Events::Rule')).filter((rule) => JSON.stringify(rule.Properties.Targets).includes(`"${fn}"`));
    expect(rules).toHaveLength(1);
    const { EventPattern, Targets } = rules[0]!.Properties;
    expect(EventPattern).toEqual({
      source: ['aws.ses'],
      'detail-type': ['Email Bounced', 'Email Complaint Received'],
      detail: { mail: { tags: { 'ses:configuration-set': ['orderdesk-dev'] } } },
    });
    expect(Targets).toEqual([expect.objectContaining({ Arn: { 'Fn::GetAtt': [fn, 'Arn'] }, RetryPolicy: { MaximumRetryAttempts: 4 } })]);
    const deadLetters = (Targets[0].DeadLetterConfig.Arn as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    expect(dev.functions.findResources('AWS::SQS::Queue')[deadLetters]?.Properties).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 });
    // EventBridge itself sends what it could not deliver.
    dev.functions.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: deadLetters }],
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: 'sqs:SendMessage', Principal: { Service: 'events.amazonaws.com' } })]) },
    });
  });

  it("keeps the stream records notify could not process in an on-failure queue for 14 days", () => {
    const streamEntries = functionsEntries.filter((entry) => entry.trigger.kind === 'table-stream');
    expect(streamEntries.map((entry) => entry.name)).toContain('notify');
    for (const entry of streamEntries) {
      const fn = functionId(dev.functions, entry.name);
      const mappings = Object.values(dev.functions.findResources('AWS::Lambda::EventSourceMapping', { Properties: { FunctionName: { Ref: fn } } }));
      expect(mappings, entry.name).toHaveLength(1);
      const destination = mappings[0]!.Properties.DestinationConfig.OnFailure.Destination as { 'Fn::GetAtt': [string, string] };
      expect(destination['Fn::GetAtt'][1]).toBe('Arn');
      expect(dev.functions.findResources('AWS::SQS::Queue')[destination['Fn::GetAtt'][0]]?.Properties, entry.name).toMatchObject({
        SqsManagedSseEnabled: true,
        MessageRetentionPeriod: 14 * 24 * 3600,
      });
      expect(mappings[0]!.Properties).toMatchObject({ BisectBatchOnFunctionError: true, MaximumRetryAttempts: 10 });
    }
  });

  it('grants and wires every kind of access and trigger an entry can name, and nothing more', () => {
    const built = synthFixture();
    const inFunctions = fixture.filter((entry) => !isDataStackFunction(entry));
    const inData = fixture.filter(isDataStackFunction);
    expect(inData.map((entry) => entry.name)).toEqual(['list-timeline']);
    expect(functionNames(built.functions, fixture.map((entry) => entry.name)).sort()).toEqual(inFunctions.map((entry) => entry.name).sort());
    expect(functionNames(built.data, fixture.map((entry) => entry.name))).toEqual(['list-timeline']);
    for (const entry of inFunctions) expectExactGrants(built.functions, entry, fixtureSender);
    for (const entry of inData) expectExactGrants(built.data, entry, fixtureSender);
    // Each function's settings tell it where what it was granted is.
    const environment = (name: string) => environmentOf(built.functions, name);
    expect(environment('get-me')).toMatchObject({
      [EnvName.mailFrom]: fixtureSender,
      [EnvName.inboundDomain]: 'reply.dev.orderdesk.example',
      [EnvName.apiUrl]: 'https://api.fixture.example',
      [EnvName.mailConfigurationSet]: 'orderdesk-dev',
      [EnvName.tableName]: expect.anything(),
    });
    expect(JSON.stringify(environment('get-request')[EnvName.workflowArn])).toContain(':stateMachine:orderdesk-dev-workflow');
    expect(environment('list-requests')).toMatchObject({ [EnvName.secretsPrefix]: 'orderdesk/dev/', [EnvName.bucketName]: expect.anything() });
    expect(environment('health')).not.toHaveProperty(EnvName.tableName);
    expect(environment('health')).not.toHaveProperty(EnvName.apiUrl);
    expect(environment('health')).not.toHaveProperty(EnvName.inboundDomain);
    // Triggers: a schedule rule, a filtered stream mapping with its on-failure queue, a queue with a dead-letter queue,
    // a rule for inbound mail, a rule for mail events with its dead-letter queue, the user pool's custom message.
    built.functions.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(1 hour)' });
    built.functions.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      FilterCriteria: { Filters: [{ Pattern: JSON.stringify({ eventName: ['INSERT'], dynamodb: { NewImage: { entity: { S: ['timeline'] } } } }) }] },
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('^GetMeStreamFailures'), 'Arn'] } } },
    });
    const queues = Object.keys(built.functions.findResources('AWS::SQS::Queue')).map((id) => id.replace(/[0-9A-F]{8}$/, '')).sort();
    // Health's is its schedule's: EventBridge keeps a scheduled run it could not deliver.
    expect(queues).toEqual(['GetMeStreamFailures', 'GetOpenapiDeadLetters', 'GetRequestDeadLetters', 'GetRequestQueue', 'HealthDeadLetters', 'ListRequestsDeadLetters']);
    built.functions.hasResourceProperties('AWS::SQS::Queue', { RedrivePolicy: Match.objectLike({ maxReceiveCount: 5 }) });
    built.functions.hasResourceProperties('AWS::Events::Rule', { EventPattern: Match.objectLike({ source: ['aws.s3'], detail: Match.objectLike({ object: { key: [{ prefix: 'mail/' }] } }) }) });
    built.functions.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { source: ['aws.ses'], 'detail-type': ['Email Complaint Received'], detail: { mail: { tags: { 'ses:configuration-set': ['orderdesk-dev'] } } } },
      Targets: [Match.objectLike({ RetryPolicy: { MaximumRetryAttempts: 4 }, DeadLetterConfig: { Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^GetOpenapiDeadLetters'), 'Arn'] } } })],
    });
    built.data.resourceCountIs('AWS::SES::ConfigurationSet', 1);
    built.data.hasResourceProperties('AWS::Cognito::UserPool', { LambdaConfig: { CustomMessage: 'arn:aws:lambda:eu-central-1:123456789012:function:orderdesk-dev-cognito-message' } });
    built.data.hasResourceProperties('AWS::Lambda::Function', { FunctionName: 'orderdesk-dev-cognito-message' });
    built.data.hasResourceProperties('AWS::Lambda::Permission', { Principal: 'cognito-idp.amazonaws.com' });
    // A sender given in the context is a verified identity: Cognito sends through SES from it.
    built.data.hasResourceProperties('AWS::Cognito::UserPool', {
      EmailConfiguration: Match.objectLike({ EmailSendingAccount: 'DEVELOPER', SourceArn: Match.stringLikeRegexp(':identity/orderdesk\\.example$') }),
    });
  });

  it("gives a function that sends mail the stage's placeholder sender when the context names none", () => {
    const built = synthFixture({ context: {} });
    expect(environmentOf(built.functions, 'get-me')[EnvName.mailFrom]).toBe('helpdesk@dev.orderdesk.example');
    expectExactGrants(built.functions, fixture.find((entry) => entry.name === 'get-me')!, 'helpdesk@dev.orderdesk.example');
    const [pool] = Object.values(built.data.findResources('AWS::Cognito::UserPool'));
    expect(pool?.Properties.EmailConfiguration).toBeUndefined();
  });

  it("refuses to synthesize a function that sends mail without the API's URL", () => {
    expect(() => synthFixture({ apiUrl: undefined })).toThrow(/get-me links to the API \(mail, webhook events\): give its stack's resources an apiUrl/);
  });

  it('makes user pool triggers in the data stack only', () => {
    const { config, env } = fixtureSetting({});
    const app = new App({ outdir, context: { ...cdkJson.context } });
    const asDefinitions = (entries: typeof fixture) => entries.map((entry) => ({ ...entry, summary: entry.name, actor: 'workflow' as const, schemas: { input: z.unknown(), output: z.unknown() } }));
    const trigger = asDefinitions(fixture.filter(isDataStackFunction));
    expect(() => new DataStack(app, 'wrong-data', { env, config, functions: asDefinitions(fixture.slice(0, 1)) })).toThrow(/user pool triggers only, not health/);
    expect(() => new DataStack(app, 'two-triggers', { env, config, functions: [...trigger, { ...trigger[0]!, name: 'get-me' }] })).toThrow(/one custom-message trigger/);
    const data = new DataStack(app, 'right-data', { env, config, functions: [] });
    const resources = { table: data.table, bucket: data.bucket, userPool: data.userPool, appClientIds: data.appClientIds, alarms: data.alarms };
    expect(() => new FunctionsStack(app, 'wrong-functions', { env, config, resources, functions: trigger })).toThrow(/list-timeline is a user pool trigger/);
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
  { name: 'get-openapi', trigger: { kind: 'mail-events', eventTypes: ['Complaint'] }, access: { table: 'readWrite' } },
  { name: 'list-timeline', trigger: { kind: 'cognito-custom-message' }, access: { table: 'read', secrets: ['mail-links'] } },
];

const fixtureSender = 'helpdesk@orderdesk.example';

const fixtureSetting = (context: Record<string, string | undefined>) => ({
  config: stageConfig((key) => (key === 'stage' ? 'dev' : context[key])),
  // A region, as `cdk deploy` has: Cognito's SES sender needs it.
  env: { account: '123456789012', region: 'eu-central-1' },
});

/** Synthesizes the fixture with the sender `context` names and the API URL `options` names (`apiUrl: undefined`: none). */
const synthFixture = (options: { context?: Record<string, string | undefined>; apiUrl?: string | undefined } = {}) => {
  const { context = { mailFrom: fixtureSender } } = options;
  const apiUrl = 'apiUrl' in options ? options.apiUrl : 'https://api.fixture.example';
  const app = new App({ outdir, context: { ...cdkJson.context } });
  const { config, env } = fixtureSetting(context);
  const definitions = fixture.map((entry) => ({ ...entry, summary: entry.name, actor: 'workflow' as const, schemas: { input: z.unknown(), output: z.unknown() } }));
  const data = new DataStack(app, 'fixture-data', { env, config, functions: definitions.filter(isDataStackFunction) });
  const stack = new FunctionsStack(app, 'fixture-functions', {
    env,
    config,
    resources: { table: data.table, bucket: data.bucket, userPool: data.userPool, appClientIds: data.appClientIds, alarms: data.alarms, apiUrl },
    functions: definitions.filter((entry) => !isDataStackFunction(entry)),
  });
  return { data: Template.fromStack(data), functions: Template.fromStack(stack) };
};

describe('stage settings', () => {
  it('bundles each function once per process: prod reuses the dev bundles (stage-independent bundling options)', () => {
    const passes = esbuildPasses();
    const stderr = vi.spyOn(process.stderr, 'write');
    let written: string;
    try {
      synth(prodContext);
      written = stderr.mock.calls.map(([chunk]) => String(chunk)).join('');
    } finally {
      stderr.mockRestore();
    }
    // No esbuild pass, and CDK staged no function asset again (it says `Bundling asset <path>...` when it does).
    expect(esbuildPasses()).toBe(passes);
    expect(written).not.toMatch(/Bundling asset orderdesk-prod-(api|functions|data)\//);
  });

  it("hashes each function's asset by its content, whatever dir it is written to; esbuild passes give the same bytes", () => {
    const dirs = [0, 1, 2].map(() => fs.mkdtempSync(path.join(os.tmpdir(), 'orderdesk-bundle-')));
    const [taken, first, second] = dirs as [string, string, string];
    try {
      // The bundle the dev app took (this process's), written elsewhere than the app's outdir: the asset's hash is its fingerprint.
      writeFunctionBundle(functionBundle('get-me'), taken);
      expect(fs.readdirSync(taken).sort()).toEqual(['index.mjs', 'index.mjs.map']);
      const code = dev.api.toJSON().Resources[functionId(dev.api, 'get-me')].Properties.Code;
      expect(code.S3Key).toBe(`${FileSystem.fingerprint(taken)}.zip`);
      // Two passes of their own (new esbuild runs, as two `cdk synth`s make): the same bytes.
      writeFunctionBundle(buildFunctionBundles(['get-me']).get('get-me')!, first);
      writeFunctionBundle(buildFunctionBundles(['get-me']).get('get-me')!, second);
      expect(FileSystem.fingerprint(second)).toBe(FileSystem.fingerprint(first));
      // The source map names sources relative to the bundle, never by the dir it was built in.
      const map = z.object({ sources: z.array(z.string()) }).parse(JSON.parse(fs.readFileSync(path.join(first, 'index.mjs.map'), 'utf8')));
      expect(map.sources).toContain('../../functions/get-me.ts');
      expect(map.sources.filter((source) => !source.startsWith('../../'))).toEqual([]);
    } finally {
      for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('protects the table and user pool from deletion in prod', () => {
    const prod = synth(prodContext);
    prod.data.hasResourceProperties('AWS::DynamoDB::Table', { DeletionProtectionEnabled: true });
    prod.data.hasResourceProperties('AWS::Cognito::UserPool', { DeletionProtection: 'ACTIVE' });
    prod.data.hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: { CorsRules: [Match.objectLike({ AllowedOrigins: ['https://helpdesk.azami.example', 'https://helpdesk.digimadi.example'] })] },
    });
  });

  it('refuses an unknown stage or a malformed origin, naming the field', () => {
    expect(() => buildApp(new App({ context: { stage: 'qa' } }))).toThrow(/stage/);
    expect(() => buildApp(new App({ context: { stage: 'dev', portalOrigins: 'https://x.example/' } }))).toThrow(/portalOrigins/);
  });

  it("derives each stage's portal URLs and origins from the portal's host, and defaults the placeholder sender and fixed names", () => {
    const dev = stageConfig((key) => (key === 'stage' ? 'dev' : undefined));
    expect(stageConfig((key) => (key === 'stage' ? 'dev' : undefined), 'd111.cloudfront.net')).toMatchObject({
      portalUrls: { azami: 'https://d111.cloudfront.net', digimadi: 'https://d111.cloudfront.net' },
      portalOrigins: ['https://d111.cloudfront.net'],
    });
    expect(dev).toMatchObject({
      // Without the distribution (a stack synthesized alone), a placeholder host.
      portalUrls: { azami: 'https://portal.dev.orderdesk.example', digimadi: 'https://portal.dev.orderdesk.example' },
      mailFrom: 'helpdesk@dev.orderdesk.example',
      mailFromGiven: false,
      inboundDomain: 'reply.dev.orderdesk.example',
      mailConfigurationSet: 'orderdesk-dev',
      cognitoMessageFunctionName: 'orderdesk-dev-cognito-message',
    });
    expect(stageConfig((key) => prodContext[key])).toMatchObject({ mailFrom: 'helpdesk@agency.example', mailFromGiven: true, mailConfigurationSet: 'orderdesk-prod', cognitoMessageFunctionName: 'orderdesk-prod-cognito-message' });
  });

  it('refuses a prod context without the sender, the inbound domain, the supplier or the alarm address, naming each with why', () => {
    expect(() => stageConfig((key) => (key === 'stage' ? 'prod' : undefined))).toThrow(
      /mailFrom: is required in prod: the verified SES sender.*inboundDomain: is required in prod.*supplier: is required in prod.*alarmEmail: is required in prod/,
    );
    const without = (field: string) => () => stageConfig((key) => (key === field ? undefined : prodContext[key]));
    expect(without('mailFrom')).toThrow(/^Invalid CDK context .*: mailFrom: is required in prod: the verified SES sender of every mail \(-c mailFrom=helpdesk@your-domain\)$/);
    // The portal's addresses are not required: they derive from its hosting (test/infra/portal.test.ts).
    expect(without('portalDomains')).toThrow(/portalDomains: is required with portalCertificateArn/);
    expect(stageConfig((key) => (['portalDomains', 'portalCertificateArn'].includes(key) ? undefined : prodContext[key])).portalUrls.azami).toBe('https://portal.orderdesk.example');
    // A dev synth needs none of them: CI synthesizes offline with the placeholders.
    expect(stageConfig((key) => (key === 'stage' ? 'dev' : undefined)).alarmEmail).toBeUndefined();
  });

  it('reads the domain of reply addresses from -c inboundDomain=, a hostname', () => {
    const parse = (inboundDomain: string) => () => stageConfig((key) => ({ ...prodContext, inboundDomain })[key]);
    expect(parse('Reply.Azami.example')().inboundDomain).toBe('reply.azami.example');
    for (const bad of ['reply@azami.example', 'https://reply.azami.example', 'reply_azami.example', 'localhost', '']) expect(parse(bad), bad).toThrow(/inboundDomain/);
  });

  it('reads each platform\'s portal URL from -c portalUrls=azami=…,digimadi=…', () => {
    const config = stageConfig((key) => ({ ...prodContext, portalUrls: ' azami=https://helpdesk.azami.example, digimadi=https://app.digimadi.example/portal ' })[key]);
    expect(config.portalUrls).toEqual({ azami: 'https://helpdesk.azami.example', digimadi: 'https://app.digimadi.example/portal' });
  });

  it('refuses a malformed portalUrls, naming the field', () => {
    const parse = (portalUrls: string) => () => stageConfig((key) => ({ stage: 'dev', portalUrls })[key]);
    expect(parse('azami=https://a.example/,digimadi=https://d.example')).toThrow(/portalUrls\.azami: must not end with \//);
    expect(parse('azami=https://a.example')).toThrow(/portalUrls\.digimadi/);
    expect(parse('azami=ftp://a.example,digimadi=https://d.example')).toThrow(/portalUrls\.azami/);
    expect(parse('azami=https://a.example,digimadi=https://d.example,other=https://o.example')).toThrow(/portalUrls: .*other/);
    expect(parse('https://a.example')).toThrow(/portalUrls: .*is not platform=url/);
    expect(parse('azami=https://a.example,digimadi=https://d.example')).not.toThrow();
    expect(parse('')).toThrow(/-c portalUrls=azami=https:\/\/…,digimadi=https:\/\/…/);
  });

  it('reads the supplier of orders from -c supplier=<json>, checking its IČO and IBAN, and tells every function', () => {
    const supplier = { name: 'Agentura s.r.o.', ico: '25596641', address: { street: 'A 1', city: 'Praha', postalCode: '110 00', country: 'CZ' }, iban: 'CZ6508000000192000145399' };
    expect(stageConfig((key) => ({ ...prodContext, supplier: JSON.stringify(supplier) })[key]).supplier).toEqual(supplier);
    const parse = (text: string) => () => stageConfig((key) => ({ ...prodContext, supplier: text })[key]);
    expect(parse('{not json')).toThrow(/supplier: is not JSON/);
    expect(parse(JSON.stringify({ ...supplier, ico: '25596642' }))).toThrow(/supplier\.ico: must be a valid 8-digit IČO/);
    expect(parse(JSON.stringify({ ...supplier, iban: 'CZ6508000000192000145398' }))).toThrow(/supplier\.iban: must be a valid IBAN/);
    expect(environmentOf(dev.functions, 'generate-order')[EnvName.supplier]).toBe(JSON.stringify(placeholderSupplier));
  });

  it('reads the review reminder days from -c reviewReminderDays, checking each, and tells the workflow’s checkpoint', () => {
    const days = (reviewReminderDays: string | undefined) => stageConfig((key) => ({ ...prodContext, reviewReminderDays })[key]).reviewReminderDays;
    expect(days(undefined)).toEqual([2, 0]);
    expect(days(' 3, 1 ,0')).toEqual([3, 1, 0]);
    expect(days('none')).toEqual([]);
    expect(() => days('7')).toThrow(/reviewReminderDays\.0: must be at most 6/);
    expect(() => days('2,2')).toThrow(/reviewReminderDays: must not name a day twice/);
    expect(() => days('two')).toThrow(/reviewReminderDays\.0/);
    expect(environmentOf(dev.functions, 'workflow-checkpoint')[EnvName.reviewReminderDays]).toBe('[2,0]');
  });

  it('gives prod functions the portal URLs of the context and the prod configuration set', () => {
    const portalUrls = { azami: 'https://helpdesk.azami.example', digimadi: 'https://helpdesk.digimadi.example' };
    const prod = synth({ ...prodContext, portalUrls: `azami=${portalUrls.azami},digimadi=${portalUrls.digimadi}` });
    expect(environmentOf(prod.functions, 'notify')).toMatchObject({ [EnvName.portalUrls]: JSON.stringify(portalUrls), [EnvName.mailConfigurationSet]: 'orderdesk-prod' });
    expect(environmentOf(prod.data, 'cognito-message')[EnvName.portalUrls]).toBe(JSON.stringify(portalUrls));
    prod.data.hasResourceProperties('AWS::SES::ConfigurationSet', { Name: 'orderdesk-prod' });
    prod.data.hasResourceProperties('AWS::Lambda::Function', { FunctionName: 'orderdesk-prod-cognito-message' });
    prod.data.hasResourceProperties('AWS::SecretsManager::Secret', { Name: 'orderdesk/prod/mail-links' });
    const ses = grantsOf(prod.functions, 'notify', 'ses')['ses:SendEmail']!;
    expect((JSON.parse(ses) as unknown[]).map(resolveArn)).toContain('arn:aws:ses:<region>:<account>:configuration-set/orderdesk-prod');
  });
});

describe('operating it: the prod app', () => {
  let prod: ReturnType<typeof synth>;
  beforeAll(() => {
    prod = synth(prodContext);
  });

  type Resource = { Properties: Record<string, unknown> };
  const alarmsOf = (template: Template) => Object.entries(template.findResources('AWS::CloudWatch::Alarm')) as [string, Resource][];
  /** An alarm tells the stage's topic (the data stack's, imported elsewhere) when it fires and when it clears. */
  const tellsTheTopic = (alarm: Resource) => {
    const actions = JSON.stringify([alarm.Properties.AlarmActions, alarm.Properties.OKActions]);
    return /Alarms[0-9A-F]{8}|ExportsOutputRefAlarms/.test(actions) && Array.isArray(alarm.Properties.OKActions);
  };

  it('prices as many alarm metrics and business metrics as the app has (the bench’s cost model)', () => {
    // A metric-math alarm is priced per metric in its expression; a plain one is one metric.
    const metricsIn = (alarm: Resource) => (Array.isArray(alarm.Properties.Metrics) ? (alarm.Properties.Metrics as { MetricStat?: unknown }[]).filter((metric) => metric.MetricStat).length : 1);
    const alarmMetrics = [prod.data, prod.api, prod.functions, prod.monitoring].flatMap(alarmsOf).reduce((sum, [, alarm]) => sum + metricsIn(alarm), 0);
    expect(alarmMetrics).toBe(fixedAssumptions.alarmMetrics);
    expect(fixedAssumptions.customMetrics).toBe(Object.keys(businessMetrics).length);
  });

  it('mails its alarms to the context’s address through one SNS topic, TLS only', () => {
    prod.data.hasResourceProperties('AWS::SNS::Topic', { TopicName: 'orderdesk-prod-alarms' });
    prod.data.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@agency.example' });
    prod.data.hasResourceProperties('AWS::SNS::TopicPolicy', { PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) } });
  });

  it('alarms on the API’s 5xx rate, every background function’s errors and throttles, each dead-letter queue, failed and timed-out executions, SES reputation and DynamoDB throttling', () => {
    const api = alarmsOf(prod.api);
    expect(api.map(([id]) => id)).toEqual([expect.stringMatching(/^ServerErrorRateAlarm/)]);
    expect(JSON.stringify(api[0]![1].Properties.Metrics)).toContain('5xx');
    expect(api[0]![1].Properties).toMatchObject({ Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', TreatMissingData: 'notBreaching' });

    const functions = alarmsOf(prod.functions).map(([id]) => id.replace(/[0-9A-F]{8}$/, ''));
    const background = functionList.filter((entry) => !isDataStackFunction(entry));
    for (const entry of background) expect(functions, entry.name).toContain(`${logicalIdOf(entry.name)}FailingAlarm`);
    const queues = Object.keys(prod.functions.findResources('AWS::SQS::Queue')).filter((id) => /(DeadLetters|StreamFailures)[0-9A-F]{8}$/.test(id));
    expect(queues.length).toBeGreaterThan(0);
    for (const queue of queues) expect(functions).toContain(`${queue.replace(/[0-9A-F]{8}$/, '')}Alarm`);
    expect(functions).toEqual(expect.arrayContaining([expect.stringMatching(/^RequestWorkflowFailedAlarm/), expect.stringMatching(/^RequestWorkflowTimedOutAlarm/)]));

    const data = Object.fromEntries(alarmsOf(prod.data).map(([id, alarm]) => [id.replace(/[0-9A-F]{8}$/, ''), alarm.Properties]));
    expect(data.MailBounceRateAlarm).toMatchObject({ MetricName: 'Reputation.BounceRate', Namespace: 'AWS/SES', Threshold: 0.02 });
    expect(data.MailComplaintRateAlarm).toMatchObject({ MetricName: 'Reputation.ComplaintRate', Namespace: 'AWS/SES', Threshold: 0.0005 });
    expect(JSON.stringify(data.TableThrottledAlarm)).toMatch(/ReadThrottleEvents.*WriteThrottleEvents/);

    // The business metrics that are alarms by themselves (lib/observability/metric-names.ts).
    const business = alarmsOf(prod.monitoring).map(([, alarm]) => JSON.stringify(alarm.Properties));
    for (const name of ['MailsParked', 'WorkflowNudgesFailed', 'WebhookDeliveriesParked']) {
      const watching = business.filter((properties) => properties.includes(`"MetricName":"${name}"`));
      expect(watching, name).toHaveLength(1);
      expect(watching[0]).toContain('"Namespace":"orderdesk"');
      expect(watching[0]).toContain('{"Name":"stage","Value":"prod"}');
      expect(watching[0]).toContain('"Threshold":0');
    }

    for (const template of [prod.data, prod.api, prod.functions, prod.monitoring]) for (const [id, alarm] of alarmsOf(template)) expect(tellsTheTopic(alarm), id).toBe(true);
  });

  it('lets the portal read a call’s id (CORS expose-headers)', () => {
    prod.api.hasResourceProperties('AWS::ApiGatewayV2::Api', { CorsConfiguration: Match.objectLike({ ExposeHeaders: ['apigw-requestid'] }) });
  });

  it('logs every API call as one JSON line with the request id the handlers log', () => {
    const [stage] = Object.values(prod.api.findResources('AWS::ApiGatewayV2::Stage')) as Resource[];
    const settings = stage!.Properties.AccessLogSettings as { DestinationArn: unknown; Format: string };
    expect(JSON.stringify(settings.DestinationArn)).toMatch(/AccessLogs[0-9A-F]{8}/);
    expect(JSON.parse(settings.Format)).toMatchObject({ requestId: '$context.requestId', status: '$context.status', routeKey: '$context.routeKey', integrationError: '$context.integrationErrorMessage' });
    prod.api.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 90 });
  });

  it('traces every function and the workflow with X-Ray, and names the metrics namespace', () => {
    for (const template of [prod.data, prod.api, prod.functions]) {
      for (const [id, fn] of Object.entries(template.findResources('AWS::Lambda::Function')) as [string, Resource][]) {
        if (id.startsWith('BucketNotificationsHandler')) continue;
        expect(fn.Properties.TracingConfig, id).toEqual({ Mode: 'Active' });
        expect((fn.Properties.Environment as { Variables: Record<string, string> }).Variables.POWERTOOLS_METRICS_NAMESPACE, id).toBe('orderdesk');
      }
    }
    prod.functions.hasResourceProperties('AWS::StepFunctions::StateMachine', { TracingConfiguration: { Enabled: true } });
  });

  it('has a dashboard of the same: API, functions, queues, workflow, table, mail and the business metrics', () => {
    prod.monitoring.hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardName: 'orderdesk-prod' });
    const [dashboard] = Object.values(prod.monitoring.findResources('AWS::CloudWatch::Dashboard')) as Resource[];
    const body = JSON.stringify(dashboard!.Properties.DashboardBody);
    for (const title of ['API calls and errors', 'Function errors', 'Function throttles', 'Dead-letter and on-failure queues', 'Request workflow executions', 'Table: consumed capacity and throttles', 'Sending reputation', 'Mail out and in', 'RequestsFiled', 'OffersAccepted', 'MailsParked']) {
      expect(body, title).toContain(title);
    }
  });

  it('gives each function a role of its own with no managed policy, writing its own log group only', () => {
    for (const template of [prod.api, prod.functions]) {
      for (const [id, role] of Object.entries(template.findResources('AWS::IAM::Role')) as [string, Resource][]) {
        if (!id.endsWith('Role') && !/Role[0-9A-F]{8}$/.test(id)) continue;
        expect(role.Properties.ManagedPolicyArns, id).toBeUndefined();
      }
    }
  });
});
