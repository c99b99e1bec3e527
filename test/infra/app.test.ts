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
    expect(policies.filter((p) => p.includes('s3:GetObject'))).toHaveLength(routeList.filter((r) => r.access.bucket).length);
    expect(policies.filter((p) => p.includes('s3:PutObject'))).toHaveLength(routeList.filter((r) => r.access.bucket === 'readWrite').length);
    expect(policies.filter((p) => p.includes('cognito-idp:AdminCreateUser'))).toHaveLength(routeList.filter((r) => r.access.userPool).length);
  });
});

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
