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
import { logicalIdOf } from '../../infra/api-stack.js';
import { buildApp } from '../../infra/orderdesk-app.js';

// The same context (feature flags) `cdk synth` reads from cdk.json.
const cdkJson = JSON.parse(fs.readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as { context: Record<string, unknown> };

// One cloud-assembly dir for every app this file synthesizes. CDK caches staged assets per process,
// keyed by the bundling options *and* the output dir; each `new App()` would otherwise get a temp
// dir of its own, and prod would bundle all ~24 functions again (each an `npx esbuild`, ~0.4 s).
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'orderdesk-infra-'));
afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

const synth = (context: Record<string, string>) => {
  const built = buildApp(new App({ outdir, context: { ...cdkJson.context, ...context } }));
  return { data: Template.fromStack(built.data), api: Template.fromStack(built.api) };
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
    const functions = dev.api.findResources('AWS::Lambda::Function', { Properties: { Runtime: 'nodejs24.x' } });
    expect(Object.keys(functions)).toHaveLength(routeList.length);
    for (const route of routeList) {
      expect(Object.keys(functions).some((id) => id.startsWith(logicalIdOf(route.name))), route.name).toBe(true);
    }
    for (const fn of Object.values(functions)) {
      expect(fn.Properties).toMatchObject({ Architectures: ['arm64'], LoggingConfig: { LogFormat: 'JSON' }, Handler: 'index.handler' });
    }
  });

  it('grants table access only to routes whose access asks for it', () => {
    const policies = Object.values(dev.api.findResources('AWS::IAM::Policy'));
    const withDynamo = policies.filter((p) => JSON.stringify(p.Properties.PolicyDocument).includes('dynamodb:'));
    expect(withDynamo).toHaveLength(routeList.filter((r) => r.access.table).length);
    const writes = policies.filter((p) => JSON.stringify(p.Properties.PolicyDocument).includes('dynamodb:PutItem'));
    expect(writes).toHaveLength(routeList.filter((r) => r.access.table === 'readWrite').length);
  });

  it('grants the bucket and the user pool only to routes whose access names them', () => {
    const policies = Object.values(dev.api.findResources('AWS::IAM::Policy')).map((p) => JSON.stringify(p.Properties.PolicyDocument));
    expect(policies.filter((p) => p.includes('cognito-idp:AdminCreateUser'))).toHaveLength(routeList.filter((r) => r.access.userPool).length);
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

/** A route function's S3 grants: the actions (sorted) per object key pattern, from its role's policies. */
const s3Grants = (template: Template, routeName: string): Record<string, string[]> => {
  const functionIds = Object.keys(template.findResources('AWS::Lambda::Function')).filter((id) => new RegExp(`^${logicalIdOf(routeName)}[0-9A-F]{8}$`).test(id));
  expect(functionIds, routeName).toHaveLength(1);
  const role = (template.findResources('AWS::Lambda::Function')[functionIds[0]!]!.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  const grants: Record<string, string[]> = {};
  for (const policy of Object.values(template.findResources('AWS::IAM::Policy'))) {
    if (!JSON.stringify(policy.Properties.Roles).includes(`"${role}"`)) continue;
    for (const statement of policy.Properties.PolicyDocument.Statement as Statement[]) {
      const actions = [statement.Action].flat().filter((action) => action.startsWith('s3:'));
      for (const pattern of [statement.Resource].flat().map(objectPattern)) if (actions.length > 0) grants[pattern] = [...(grants[pattern] ?? []), ...actions].sort();
    }
  }
  return grants;
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
