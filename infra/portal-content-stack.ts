import { DefaultStackSynthesizer, Stack, type StackProps } from 'aws-cdk-lib';
import type { IDistribution } from 'aws-cdk-lib/aws-cloudfront';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import { platforms, type Platform } from '../lib/domain/platform.js';
import { acknowledge, wildcardFinding } from './acknowledge.js';
import { portalBuildSource } from './portal/portal-build.js';
import { portalBucketName, type StageConfig } from './stage-config.js';

export interface PortalContentStackProps extends StackProps {
  config: StageConfig;
  /** The portal stack's distribution; its bucket is named by `portalBucketName`. */
  distribution: IDistribution;
  /** The HTTP API's URL. */
  apiUrl: string;
  userPoolId: string;
  appClientIds: Record<Platform, string>;
}

/** The brand the distribution's own domain (and any host no brand names) serves; `?brand=` picks another. */
export const defaultBrand: Platform = 'azami';

/**
 * `/config.json`, as the portal reads it (`PortalConfig` in portal/src/config.ts): the API, the
 * user pool, and per brand its app client and the hosts that serve it (its domain, or none: then
 * the distribution's own domain serves the default brand). Tokens until deploy.
 */
export const portalConfig = (stack: Stack, props: Pick<PortalContentStackProps, 'config' | 'apiUrl' | 'userPoolId' | 'appClientIds'>) => ({
  apiUrl: props.apiUrl,
  cognito: { endpoint: `https://cognito-idp.${stack.region}.${stack.urlSuffix}/`, userPoolId: props.userPoolId },
  brands: Object.fromEntries(
    platforms.map((platform) => [platform, { clientId: props.appClientIds[platform], hosts: props.config.portalDomains ? [props.config.portalDomains[platform]] : [] }]),
  ) as Record<Platform, { clientId: string; hosts: string[] }>,
  defaultBrand,
});

/**
 * The portal's files in its bucket: the build (made during synth) and config.json, written from
 * the other stacks' outputs at deploy time. Deployed last of the portal's parts, after the data
 * and API stacks whose outputs config.json holds; the portal stack (bucket, distribution) comes
 * before them all, so no stack refers back to one deployed after it.
 *
 * Two deployments, because S3 keeps one Cache-Control per object: the hashed assets, cached for
 * a year, first; then index.html and config.json, revalidated on every load, and invalidated in
 * CloudFront, so a new index.html never names assets that aren't there yet. Each prunes what its
 * last deploy left and no longer has (old assets go; a browser still holding the old index.html
 * loads the new one on its next page load); each leaves the other's files alone (`exclude`).
 */
export class PortalContentStack extends Stack {
  constructor(scope: Construct, id: string, props: PortalContentStackProps) {
    super(scope, id, props);
    const build = portalBuildSource();
    const bucket = Bucket.fromBucketName(this, 'Site', portalBucketName(props.config.stage, this));
    const entryFiles = ['index.html', 'config.json'];

    const assets = new BucketDeployment(this, 'Assets', {
      sources: [build],
      destinationBucket: bucket,
      exclude: entryFiles,
      prune: true,
      cacheControl: [CacheControl.fromString('public, max-age=31536000, immutable')],
    });
    const entry = new BucketDeployment(this, 'Entry', {
      sources: [build, Source.jsonData('config.json', portalConfig(this, props))],
      destinationBucket: bucket,
      exclude: ['*'],
      include: entryFiles,
      prune: true,
      cacheControl: [CacheControl.noCache()],
      distribution: props.distribution,
      distributionPaths: entryFiles.map((file) => `/${file}`),
    });
    entry.node.addDependency(assets);

    // CDK's deploy-time copier (one function for both deployments, a singleton of the stack).
    const copier = this.node.tryFindChild('Custom::CDKBucketDeployment8693BB64968944B69AAFB0CC9EB8756C');
    if (copier) {
      const why = 'CDK’s deploy-time function that copies the built portal into its bucket; CDK makes it, its runtime and its role';
      acknowledge(copier, 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', why);
      // CDK's bucket grants: read the staged build from the bootstrap assets bucket, write and prune the portal's bucket.
      for (const action of ['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*']) {
        acknowledge(copier, `AwsSolutions-IAM5[Action::${action}]`, `${why}: CDK’s read grant on the staged build and read-write grant on the portal bucket, to copy and prune`);
      }
      const qualifier = (this.node.tryGetContext('@aws-cdk/core:bootstrapQualifier') as string | undefined) ?? DefaultStackSynthesizer.DEFAULT_QUALIFIER;
      const stagedAssets = `arn:${this.partition}:s3:::cdk-${qualifier}-assets-${this.account}-${this.region}/*`;
      acknowledge(copier, wildcardFinding(this, stagedAssets), `${why}: the CDK bootstrap bucket the build is staged in, whose object names are content hashes`);
      acknowledge(copier, wildcardFinding(this, bucket.arnForObjects('*')), `${why}: every object of the portal's bucket, which holds nothing but the portal`);
      acknowledge(copier, 'AwsSolutions-IAM5[Resource::*]', `${why}: CloudFront's CreateInvalidation and GetInvalidation, which it grants on "*"`);
      acknowledge(copier, 'Serverless-LambdaDLQ', `${why}: CloudFormation calls it and fails the deploy if it fails`);
      acknowledge(copier, 'AwsSolutions-L1', `${why}: its runtime is CDK’s choice, updated with aws-cdk-lib`);
      acknowledge(copier, 'Serverless-LambdaLatestVersion', `${why}: its runtime is CDK’s choice, updated with aws-cdk-lib`);
      acknowledge(copier, 'Serverless-LambdaTracing', `${why}: it runs once per deploy, and CloudFormation's events show its outcome`);
    }
  }
}
