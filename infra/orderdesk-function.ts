import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { ApplicationLogLevel, Architecture, LoggingFormat, Runtime, SystemLogLevel, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EnvName } from '../lib/config/env.js';
import { functionTimeoutSeconds } from '../lib/config/limits.js';
import type { Platform } from '../lib/domain/platform.js';
import type { ObjectAction, RouteAccess } from '../lib/http/route.js';
import { bundleOptions } from './bundle-options.js';
import type { StageConfig } from './stage-config.js';

/** The S3 action each object action of a route's `access` grants. */
const s3Actions: Record<ObjectAction, string> = { get: 's3:GetObject', put: 's3:PutObject', delete: 's3:DeleteObject' };

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The stateful resources a function may be granted, handed over by the stacks. */
export interface OrderdeskResources {
  table: ITable;
  bucket: IBucket;
  userPool: IUserPool;
  appClientIds: Record<Platform, string>;
}

export interface OrderdeskFunctionProps {
  /** kebab-case; the entry is `functions/<name>.ts`. */
  name: string;
  access: RouteAccess;
  resources: OrderdeskResources;
  stage: StageConfig;
}

/**
 * Every orderdesk Lambda: Node 24 on arm64, bundled like `npm run size` measures, JSON logs
 * with a retained-for-a-while log group, tracing, and exactly the grants its `access` names.
 */
export class OrderdeskFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: OrderdeskFunctionProps) {
    const { name, access, resources, stage } = props;
    const environment: Record<string, string> = {
      [EnvName.stage]: stage.stage,
      [EnvName.workQueuePolicy]: stage.workQueuePolicy,
      [EnvName.appClientIds]: JSON.stringify(resources.appClientIds),
      POWERTOOLS_SERVICE_NAME: 'orderdesk',
      POWERTOOLS_LOG_LEVEL: 'INFO',
      NODE_OPTIONS: '--enable-source-maps',
    };
    if (access.table) environment[EnvName.tableName] = resources.table.tableName;
    if (access.bucket) environment[EnvName.bucketName] = resources.bucket.bucketName;
    if (access.userPool) environment[EnvName.userPoolId] = resources.userPool.userPoolId;

    super(scope, id, {
      entry: path.join(projectRoot, 'functions', `${name}.ts`),
      handler: 'handler',
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: 1024,
      timeout: Duration.seconds(functionTimeoutSeconds),
      tracing: Tracing.ACTIVE,
      loggingFormat: LoggingFormat.JSON,
      applicationLogLevelV2: ApplicationLogLevel.INFO,
      systemLogLevelV2: SystemLogLevel.WARN,
      logGroup: new LogGroup(scope, `${id}Logs`, {
        retention: stage.logRetention,
        removalPolicy: RemovalPolicy.DESTROY,
      }),
      projectRoot,
      depsLockFilePath: path.join(projectRoot, 'package-lock.json'),
      environment,
      bundling: {
        target: bundleOptions.target,
        format: OutputFormat.ESM,
        minify: bundleOptions.minify,
        sourceMap: bundleOptions.sourcemap,
        sourcesContent: false,
        mainFields: bundleOptions.mainFields,
        banner: bundleOptions.banner.js,
        externalModules: bundleOptions.external,
      },
    });

    if (access.table === 'read') resources.table.grantReadData(this);
    if (access.table === 'readWrite') resources.table.grantReadWriteData(this);
    // One statement per key prefix, on that prefix's objects only: not CDK's bucket grants, which
    // add s3:List* and s3:GetBucket* on the bucket and every object version action.
    for (const [prefix, actions] of Object.entries(access.bucket ?? {}) as [string, readonly ObjectAction[]][]) {
      this.addToRolePolicy(new PolicyStatement({ actions: actions.map((action) => s3Actions[action]), resources: [resources.bucket.arnForObjects(`${prefix}*`)] }));
    }
    if (access.userPool === 'admin') {
      resources.userPool.grant(this, 'cognito-idp:AdminCreateUser', 'cognito-idp:AdminGetUser', 'cognito-idp:AdminDisableUser');
    }
  }
}
