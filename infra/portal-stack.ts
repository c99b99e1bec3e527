import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  FunctionEventType,
  HttpVersion,
  PriceClass,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
  type BehaviorOptions,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { platforms } from '../lib/domain/platform.js';
import { acknowledge } from './acknowledge.js';
import { addAppPages } from './portal/app-pages.js';
import { addSecurityHeaders } from './portal/security-headers.js';
import { portalBucketName, type StageConfig } from './stage-config.js';

export interface PortalStackProps extends StackProps {
  config: StageConfig;
}

/**
 * Where the client portal is served from: a private bucket behind a CloudFront distribution that
 * alone may read it (origin access control), HTTPS only, with the portal's security headers, at
 * each brand's domain when the context names them (`portalDomains`, `portalCertificateArn`).
 *
 * Deployed first: the API's CORS and the functions' mail links name the distribution's domain
 * (unless the context names the portal's addresses), so the data, API and functions stacks depend
 * on this one, and nothing here refers to them. What the portal must know of them (the API's URL,
 * the user pool and its app clients) it reads from /config.json, which the portal-content stack
 * writes after them (infra/portal-content-stack.ts); see infra/portal/security-headers.ts for the
 * CSP's API source.
 */
export class PortalStack extends Stack {
  /** The built portal and its config.json; only the distribution reads it. */
  readonly bucket: Bucket;
  readonly distribution: Distribution;

  constructor(scope: Construct, id: string, props: PortalStackProps) {
    super(scope, id, props);
    const { config } = props;

    // The site bucket's server access logs and CloudFront's standard logs, kept a year. CloudFront
    // delivers its logs through an ACL grant, so the bucket keeps ACLs (object writer owns);
    // nothing public: every public ACL and policy is blocked.
    const logs = new Bucket(this, 'Logs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(logs, 'AwsSolutions-S1', 'It is the access log bucket of the portal bucket and the distribution; logging its own access would log the logging');

    this.bucket = new Bucket(this, 'Site', {
      bucketName: portalBucketName(config.stage, this),
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'site/',
      // Every deploy writes it all again; retained like every bucket of the stage.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // Grants the distribution alone s3:GetObject, by its ARN (AWS:SourceArn): no public access, no OAI.
    const origin = S3BucketOrigin.withOriginAccessControl(this.bucket);
    const securityHeaders = addSecurityHeaders(this, config);
    const behaviour = {
      origin,
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
      responseHeadersPolicy: securityHeaders,
      compress: true,
    } satisfies BehaviorOptions;

    const domains = config.portalDomains ? platforms.map((platform) => config.portalDomains![platform]) : undefined;
    this.distribution = new Distribution(this, 'Distribution', {
      comment: `orderdesk ${config.stage} portal`,
      defaultRootObject: 'index.html',
      defaultBehavior: {
        ...behaviour,
        // index.html, config.json and the app's pages: never cached (a deploy shows at once; the
        // files are small), and the pages answered with index.html.
        cachePolicy: CachePolicy.CACHING_DISABLED,
        functionAssociations: [{ function: addAppPages(this), eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        // Vite's hashed file names: a changed file is a new name, so each is cached as long as it is kept.
        '/assets/*': { ...behaviour, cachePolicy: CachePolicy.CACHING_OPTIMIZED },
      },
      ...(domains && config.portalCertificateArn
        ? {
            domainNames: domains,
            certificate: Certificate.fromCertificateArn(this, 'Certificate', config.portalCertificateArn),
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
      httpVersion: HttpVersion.HTTP2_AND_3,
      // Clients are in the Czech Republic and the EU: Europe's and North America's edges are enough.
      priceClass: PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
    });

    acknowledge(
      this.distribution,
      'AwsSolutions-CFR1',
      'No geo restriction: the clients are Czech and EU companies whose people travel, and sign-in (Cognito) guards everything but the static app',
    );
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR2',
      'No WAF: the distribution serves only static files (no data, no forms posting to it) and the API is throttled and JWT-protected; a web ACL (us-east-1, ~$6/month plus requests) would be added with rate-based and managed rules if abuse of the static site were seen',
    );
    if (!domains) {
      acknowledge(
        this.distribution,
        'AwsSolutions-CFR4',
        'Without portalDomains the distribution answers at its cloudfront.net domain with CloudFront’s default certificate, whose minimum TLS version cannot be set; with brand domains it requires TLS 1.2 (TLSv1.2_2021)',
      );
    }

    new CfnOutput(this, 'PortalUrl', { value: `https://${domains?.[0] ?? this.distribution.distributionDomainName}` });
    new CfnOutput(this, 'DistributionDomain', { value: this.distribution.distributionDomainName, description: 'Where the brand domains’ DNS records (CNAME or alias) point' });
  }
}
