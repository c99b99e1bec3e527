import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/orderdesk-app.js';
import { appPagesCode } from '../../infra/portal/app-pages.js';
import { stageConfig } from '../../infra/stage-config.js';
import { EnvName } from '../../lib/config/env.js';
import { portalContentSecurityPolicy as localPortalPolicy } from '../../lib/config/portal-security.js';
import { apiTemplate } from './api-template.js';
import { prodContext } from './prod-context.js';

// The same context (feature flags) `cdk synth` reads from cdk.json, and one output dir for the apps of this file.
const cdkJson = JSON.parse(fs.readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as { context: Record<string, unknown> };
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'orderdesk-portal-'));
afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

/**
 * The whole app, bundling only the portal-content stack (the portal's Vite build): the functions'
 * bundles are app.test.ts's concern, and skipping them keeps this file fast. So is CloudFormation's
 * own template check (nag.test.ts runs it on the dev and prod apps).
 */
const synth = (context: Record<string, string>) => {
  const built = buildApp(new App({ outdir, builtinCloudFormationValidation: false, context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': ['orderdesk-*-portal-content'], ...context } }));
  const templates = {
    portal: Template.fromStack(built.portal),
    content: Template.fromStack(built.portalContent),
    data: Template.fromStack(built.data),
    // The parent and its route groups (nested stacks) as one template.
    api: apiTemplate(built.api),
    functions: Template.fromStack(built.functions),
  };
  return { built, ...templates };
};

/** A CloudFormation value as text, the distribution's domain written `<distribution>`: an environment variable or a header. */
const text = (value: unknown): string => {
  if (typeof value === 'string') return value;
  const node = value as { 'Fn::Join'?: [string, unknown[]]; 'Fn::ImportValue'?: string; Ref?: string };
  if (node['Fn::Join']) return node['Fn::Join'][1].map(text).join(node['Fn::Join'][0]);
  if (node['Fn::ImportValue']) return /^orderdesk-dev-portal:ExportsOutputFnGetAttDistribution[0-9A-F]{8}DomainName/.test(node['Fn::ImportValue']) ? '<distribution>' : `<${node['Fn::ImportValue']}>`;
  if (node.Ref) return `<${node.Ref}>`;
  return JSON.stringify(value);
};

const only = <T>(values: T[]): T => {
  expect(values).toHaveLength(1);
  return values[0]!;
};

const distributionConfig = (template: Template) => only(Object.values(template.findResources('AWS::CloudFront::Distribution'))).Properties.DistributionConfig;

/** The portal content stack's deployment of `file` (`Entry` for index.html and config.json, `Assets` for the rest). */
const deployment = (template: Template, id: 'Entry' | 'Assets') =>
  Object.entries(template.findResources('Custom::CDKBucketDeployment')).find(([logicalId]) => logicalId.startsWith(`${id}CustomResource`))![1].Properties;

/** config.json as the deployment writes it, each deploy-time value written as `text` writes it. */
const configJson = (template: Template) => {
  const entry = deployment(template, 'Entry');
  const index = (entry.SourceMarkers as Record<string, unknown>[]).findIndex((markers) => Object.keys(markers).length > 0);
  const key = String(entry.SourceObjectKeys[index]).replace(/\.zip$/, '');
  let json = fs.readFileSync(path.join(outdir, `asset.${key}`, 'config.json'), 'utf8');
  for (const [marker, value] of Object.entries(entry.SourceMarkers[index] as Record<string, unknown>)) json = json.replaceAll(marker, text(value));
  return JSON.parse(json) as { apiUrl: string; cognito: { endpoint: string; userPoolId: string }; brands: Record<string, { clientId: string; hosts: string[] }>; defaultBrand: string };
};

let dev: ReturnType<typeof synth>;
let branded: ReturnType<typeof synth>;
beforeAll(() => {
  dev = synth({ stage: 'dev' });
  // Brand domains with their certificate, the portal's addresses derived from them.
  branded = synth({ stage: 'dev', portalDomains: prodContext.portalDomains!, portalCertificateArn: prodContext.portalCertificateArn! });
});

describe('the portal stack', () => {
  it('keeps the portal bucket private, encrypted, TLS-only and logged', () => {
    dev.portal.hasResourceProperties('AWS::S3::Bucket', {
      BucketName: Match.objectLike({ 'Fn::Join': ['', Match.arrayWith(['orderdesk-dev-portal-'])] }),
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      LoggingConfiguration: Match.objectLike({ LogFilePrefix: 'site/' }),
    });
    for (const policy of Object.values(dev.portal.findResources('AWS::S3::BucketPolicy'))) {
      expect(policy.Properties.PolicyDocument.Statement).toEqual(expect.arrayContaining([expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]));
    }
  });

  it('lets only the distribution read the bucket, through origin access control', () => {
    dev.portal.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: { OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' },
    });
    const [origin] = distributionConfig(dev.portal).Origins as { OriginAccessControlId: unknown; S3OriginConfig: { OriginAccessIdentity: string } }[];
    expect(origin!.OriginAccessControlId).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/OriginAccessControl/), 'Id'] });
    expect(origin!.S3OriginConfig.OriginAccessIdentity).toBe('');
    const distributionId = only(Object.keys(dev.portal.findResources('AWS::CloudFront::Distribution')));
    const siteId = Object.entries(dev.portal.findResources('AWS::S3::Bucket')).find(([id]) => id.startsWith('Site'))![0];
    dev.portal.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: siteId },
      PolicyDocument: {
        Statement: Match.arrayWith([
          {
            Action: 's3:GetObject',
            Effect: 'Allow',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Resource: Match.anyValue(),
            Condition: { StringEquals: { 'AWS:SourceArn': { 'Fn::Join': ['', Match.arrayWith([':distribution/', { Ref: distributionId }])] } } },
          },
        ]),
      },
    });
    // No origin access identity, no public grant.
    dev.portal.resourceCountIs('AWS::CloudFront::CloudFrontOriginAccessIdentity', 0);
  });

  it('serves HTTPS only, index.html at the root, hashed assets cached long and the rest not at all, logged', () => {
    const config = distributionConfig(dev.portal);
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.DefaultCacheBehavior).toMatchObject({ ViewerProtocolPolicy: 'redirect-to-https', CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad' }); // CachingDisabled
    expect(only(config.CacheBehaviors as unknown[])).toMatchObject({ PathPattern: '/assets/*', ViewerProtocolPolicy: 'redirect-to-https', CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6' }); // CachingOptimized
    expect((config.CacheBehaviors as { FunctionAssociations?: unknown }[])[0]!.FunctionAssociations).toBeUndefined();
    expect(config.Logging).toMatchObject({ Prefix: 'cloudfront/' });
    expect(config.Aliases).toBeUndefined();
    expect(config.ViewerCertificate).toBeUndefined();
  });

  it('answers the app’s pages with /index.html in a viewer-request function, and leaves files as they are', () => {
    const functionId = only(Object.keys(dev.portal.findResources('AWS::CloudFront::Function')));
    expect(distributionConfig(dev.portal).DefaultCacheBehavior.FunctionAssociations).toEqual([{ EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [functionId, 'FunctionARN'] } }]);
    dev.portal.hasResourceProperties('AWS::CloudFront::Function', { FunctionCode: appPagesCode, FunctionConfig: Match.objectLike({ Runtime: 'cloudfront-js-2.0' }), AutoPublish: true });
    const handler = new Function(`${appPagesCode}; return handler;`)() as (event: { request: { uri: string } }) => { uri: string };
    const served = (uri: string) => handler({ request: { uri } }).uri;
    expect(served('/requests/2026-0042')).toBe('/index.html');
    expect(served('/mute')).toBe('/index.html');
    expect(served('/')).toBe('/index.html');
    expect(served('/config.json')).toBe('/config.json');
    expect(served('/index.html')).toBe('/index.html');
    expect(served('/assets/index-BrlErXQb.js')).toBe('/assets/index-BrlErXQb.js');
  });

  it('sends a strict Content-Security-Policy (no inline script or style, never framed), HSTS, nosniff and the referrer policy', () => {
    const policy = only(Object.values(dev.portal.findResources('AWS::CloudFront::ResponseHeadersPolicy'))).Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    const csp = text(policy.ContentSecurityPolicy.ContentSecurityPolicy);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    const directives = Object.fromEntries(csp.split('; ').map((directive) => [directive.split(' ')[0], directive.split(' ').slice(1)]));
    expect(directives).toMatchObject({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'"],
      'frame-ancestors': ["'none'"],
      'base-uri': ["'none'"],
      'object-src': ["'none'"],
      'form-action': ["'self'"],
    });
    expect(directives['connect-src']).toEqual([
      "'self'",
      'https://*.execute-api.<AWS::Region>.<AWS::URLSuffix>',
      'https://cognito-idp.<AWS::Region>.<AWS::URLSuffix>',
      'https://orderdesk-dev-files-<AWS::AccountId>-<AWS::Region>.s3.<AWS::Region>.<AWS::URLSuffix>',
    ]);
    expect(policy.ContentSecurityPolicy.Override).toBe(true);
    // The local portal server's policy but for whom it connects to (lib/config/portal-security.ts).
    const local = localPortalPolicy(['http://localhost:3000', 'http://localhost:9229', 'http://localhost:4569']);
    const exceptConnect = (text: string) => text.split('; ').filter((directive) => !directive.startsWith('connect-src '));
    expect(exceptConnect(csp)).toEqual(exceptConnect(local));
    expect(policy).toMatchObject({
      StrictTransportSecurity: { AccessControlMaxAgeSec: 63072000, IncludeSubdomains: true, Preload: true, Override: true },
      ContentTypeOptions: { Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin', Override: true },
      FrameOptions: { FrameOption: 'DENY', Override: true },
    });
    const config = distributionConfig(dev.portal);
    const policyId = { Ref: only(Object.keys(dev.portal.findResources('AWS::CloudFront::ResponseHeadersPolicy'))) };
    for (const behaviour of [config.DefaultCacheBehavior, ...config.CacheBehaviors]) expect(behaviour.ResponseHeadersPolicyId).toEqual(policyId);
  });

  it('refers to no stack deployed after it: the data, API and functions stacks depend on it, the content stack on them', () => {
    const { built } = dev;
    expect(built.portal.dependencies).toEqual([]);
    for (const stack of [built.data, built.api, built.functions]) expect(stack.dependencies, stack.stackName).toContain(built.portal);
    expect(built.portalContent.dependencies).toEqual(expect.arrayContaining([built.portal, built.data, built.api]));
  });
});

describe('the portal content stack', () => {
  it('deploys the build, hashed assets cached a year and pruned, index.html and config.json revalidated and invalidated', () => {
    const assets = deployment(dev.content, 'Assets');
    expect(assets).toMatchObject({ Prune: true, Exclude: ['index.html', 'config.json'], SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' } });
    const staged = path.join(outdir, `asset.${String(assets.SourceObjectKeys[0]).replace(/\.zip$/, '')}`);
    expect(fs.readdirSync(staged).sort()).toEqual(['assets', 'index.html']);
    expect(fs.readdirSync(path.join(staged, 'assets')).some((file) => /^index-[\w-]+\.js$/.test(file))).toBe(true);
    // No inline script or style in the page the CSP guards.
    expect(fs.readFileSync(path.join(staged, 'index.html'), 'utf8')).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>|<style|\sstyle=/);

    const entry = deployment(dev.content, 'Entry');
    expect(entry).toMatchObject({ Prune: true, Exclude: ['*'], Include: ['index.html', 'config.json'], SystemMetadata: { 'cache-control': 'no-cache' } });
    expect(entry.DistributionPaths).toEqual(['/index.html', '/config.json']);
    expect(text(entry.DistributionId)).toMatch(/^<orderdesk-dev-portal:ExportsOutputRefDistribution/);
    expect(text(entry.DestinationBucketName)).toBe('orderdesk-dev-portal-<AWS::AccountId>-<AWS::Region>');
    // The new index.html goes up after the assets it names.
    const [entryId] = Object.keys(dev.content.findResources('Custom::CDKBucketDeployment')).filter((id) => id.startsWith('Entry'));
    expect(dev.content.findResources('Custom::CDKBucketDeployment')[entryId!]!.DependsOn).toEqual(expect.arrayContaining([expect.stringMatching(/^Assets/)]));
  });

  it('writes config.json from the other stacks’ outputs: the API, the user pool, an app client per brand; without brand domains the default brand serves every host', () => {
    expect(configJson(dev.content)).toEqual({
      apiUrl: expect.stringMatching(/^<orderdesk-dev-api:ExportsOutputFnGetAttApi[0-9A-F]{8}ApiEndpoint/),
      cognito: { endpoint: 'https://cognito-idp.<AWS::Region>.<AWS::URLSuffix>/', userPoolId: expect.stringMatching(/^<orderdesk-dev-data:ExportsOutputRefUsers/) },
      brands: {
        azami: { clientId: expect.stringMatching(/^<orderdesk-dev-data:ExportsOutputRefAzamiClient/), hosts: [] },
        digimadi: { clientId: expect.stringMatching(/^<orderdesk-dev-data:ExportsOutputRefDigimadiClient/), hosts: [] },
      },
      defaultBrand: 'azami',
    });
  });

  it('lists each brand’s domain as its host when the context names them', () => {
    expect(configJson(branded.content).brands).toEqual({
      azami: { clientId: expect.any(String), hosts: ['helpdesk.azami.example'] },
      digimadi: { clientId: expect.any(String), hosts: ['helpdesk.digimadi.example'] },
    });
  });
});

describe("the portal's addresses", () => {
  const apiOrigins = (template: Template) => only(Object.values(template.findResources('AWS::ApiGatewayV2::Api'))).Properties.CorsConfiguration.AllowOrigins as unknown[];
  const bucketOrigins = (template: Template) =>
    Object.values(template.findResources('AWS::S3::Bucket')).find((bucket) => bucket.Properties.CorsConfiguration)!.Properties.CorsConfiguration.CorsRules[0].AllowedOrigins as unknown[];
  const portalUrlsOf = (template: Template) =>
    Object.values(template.findResources('AWS::Lambda::Function'))
      .map((fn) => fn.Properties.Environment?.Variables?.[EnvName.portalUrls])
      .filter((value) => value !== undefined)
      .map(text);

  it('are the distribution’s domain without brand domains: CORS of the API and the bucket, and every function’s PORTAL_URLS', () => {
    expect(apiOrigins(dev.api).map(text)).toEqual(['https://<distribution>']);
    expect(bucketOrigins(dev.data).map(text)).toEqual(['https://<distribution>']);
    const urls = JSON.stringify({ azami: 'https://<distribution>', digimadi: 'https://<distribution>' });
    for (const template of [dev.api, dev.functions, dev.data]) {
      const values = portalUrlsOf(template);
      expect(values.length).toBeGreaterThan(0);
      expect(new Set(values)).toEqual(new Set([urls]));
    }
  });

  it('are the brand domains when the context names them: the distribution answers at them with their certificate, TLS 1.2 at least', () => {
    const config = distributionConfig(branded.portal);
    expect(config.Aliases).toEqual(['helpdesk.azami.example', 'helpdesk.digimadi.example']);
    expect(config.ViewerCertificate).toEqual({ AcmCertificateArn: prodContext.portalCertificateArn, MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' });
    const origins = ['https://helpdesk.azami.example', 'https://helpdesk.digimadi.example'];
    expect(apiOrigins(branded.api)).toEqual(origins);
    expect(bucketOrigins(branded.data)).toEqual(origins);
    const urls = JSON.stringify({ azami: 'https://helpdesk.azami.example', digimadi: 'https://helpdesk.digimadi.example' });
    for (const template of [branded.api, branded.functions, branded.data]) expect(new Set(portalUrlsOf(template))).toEqual(new Set([urls]));
    // Named statically, so the other stacks need nothing of the portal stack.
    expect(branded.built.api.dependencies).not.toContain(branded.built.portal);
  });

  it('are what the context says when it says so, over what the portal derives', () => {
    const explicit = synth({ stage: 'dev', portalOrigins: 'https://a.example,https://d.example', portalUrls: 'azami=https://a.example,digimadi=https://d.example' });
    expect(apiOrigins(explicit.api)).toEqual(['https://a.example', 'https://d.example']);
    expect(new Set(portalUrlsOf(explicit.functions))).toEqual(new Set([JSON.stringify({ azami: 'https://a.example', digimadi: 'https://d.example' })]));
  });

  it('refuses brand domains without a us-east-1 certificate, a certificate without domains, or one domain for both brands', () => {
    const parse = (context: Record<string, string>) => () => stageConfig((key) => ({ stage: 'dev', ...context })[key]);
    const { portalDomains, portalCertificateArn } = prodContext as Required<typeof prodContext>;
    expect(parse({ portalDomains: portalDomains! })).toThrow(/portalCertificateArn: is required with portalDomains/);
    expect(parse({ portalCertificateArn: portalCertificateArn! })).toThrow(/portalDomains: is required with portalCertificateArn/);
    expect(parse({ portalDomains: portalDomains!, portalCertificateArn: portalCertificateArn!.replace('us-east-1', 'eu-central-1') })).toThrow(/portalCertificateArn: must be an ACM certificate ARN in us-east-1/);
    expect(parse({ portalDomains: 'azami=helpdesk.example,digimadi=helpdesk.example', portalCertificateArn: portalCertificateArn! })).toThrow(/portalDomains: must name a different domain/);
    expect(parse({ portalDomains: 'azami=https://helpdesk.azami.example,digimadi=helpdesk.digimadi.example', portalCertificateArn: portalCertificateArn! })).toThrow(/portalDomains\.azami/);
    expect(parse({ portalDomains: 'azami=Helpdesk.Azami.example,digimadi=helpdesk.digimadi.example', portalCertificateArn: portalCertificateArn! })().portalUrls.azami).toBe('https://helpdesk.azami.example');
  });
});
