import { ArnFormat, AssetHashType, DockerImage, Duration, RemovalPolicy, Stack, type BundlingOptions, type ILocalBundling } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { ApplicationLogLevel, Architecture, Code, LoggingFormat, Runtime, SystemLogLevel, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FunctionAccess, ObjectAction } from '../lib/config/access.js';
import { EnvName } from '../lib/config/env.js';
import { functionTimeoutSeconds } from '../lib/config/limits.js';
import { tableDefinition } from '../lib/adapters/dynamodb/table-definition.js';
import { acknowledge, wildcardFinding } from './acknowledge.js';
import type { Platform } from '../lib/domain/platform.js';
import { bundleOptions } from './bundle-options.js';
import { functionBundle, writeFunctionBundle } from './function-bundles.js';
import { filesBucketName, type StageConfig } from './stage-config.js';

/** What `table: 'read'` and `table: 'readWrite'` may do: items and queries, never Scan, never the table's settings. */
const tableActions = {
  read: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'],
  readWrite: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'],
} as const;

/** The S3 action each object action of an `access` grants. */
const s3Actions: Record<ObjectAction, string> = { get: 's3:GetObject', put: 's3:PutObject', delete: 's3:DeleteObject' };

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The stateful resources a function may be granted, handed over by the stacks. */
export interface OrderdeskResources {
  table: ITable;
  bucket: IBucket;
  userPool: IUserPool;
  appClientIds: Record<Platform, string>;
  /** The stage's alarm topic (the data stack's). */
  alarms: ITopic;
  /** The HTTP API's URL, for the links in mail (one-click unsubscribe): required by functions with `mail` access. */
  apiUrl?: string;
}

export interface OrderdeskFunctionProps {
  /** kebab-case; the entry is `functions/<name>.ts`. */
  name: string;
  access: FunctionAccess;
  resources: OrderdeskResources;
  stage: StageConfig;
  /** A fixed physical name, for a function referred to by ARN before it exists (the user pool's trigger). */
  functionName?: string;
  /**
   * Where a failed invocation ends up, since the function has no dead-letter queue of its own
   * (cdk-nag's Serverless-LambdaDLQ): its caller gets the error, or its trigger keeps the event.
   */
  failures: string;
  /** Its timeout, if not the functions' usual `functionTimeoutSeconds` (a route's `timeoutSeconds`). */
  timeoutSeconds?: number;
}

/**
 * Every orderdesk Lambda, route or not: Node 24 on arm64, bundled like `npm run size` measures,
 * JSON logs with a retained-for-a-while log group, tracing, and exactly the grants its `access`
 * names, with the environment variables that tell it where those resources are.
 */
export class OrderdeskFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: OrderdeskFunctionProps) {
    const { name, access, resources, stage, functionName } = props;
    const stack = Stack.of(scope);
    // A role of its own with no managed policy: it writes its own log group and nothing else of CloudWatch Logs.
    const role = new Role(scope, `${id}Role`, { assumedBy: new ServicePrincipal('lambda.amazonaws.com'), description: `orderdesk ${stage.stage} ${name}` });
    const logGroup = new LogGroup(scope, `${id}Logs`, { retention: stage.logRetention, removalPolicy: RemovalPolicy.DESTROY });
    const environment: Record<string, string> = {
      [EnvName.stage]: stage.stage,
      [EnvName.workQueuePolicy]: stage.workQueuePolicy,
      [EnvName.appClientIds]: JSON.stringify(resources.appClientIds),
      // Configuration, not a grant: any function may build a link to the portal.
      [EnvName.portalUrls]: JSON.stringify(stage.portalUrls),
      // Configuration too: the agency's details as orders state them.
      [EnvName.supplier]: JSON.stringify(stage.supplier),
      [EnvName.reviewReminderDays]: JSON.stringify(stage.reviewReminderDays),
      POWERTOOLS_SERVICE_NAME: 'orderdesk',
      POWERTOOLS_LOG_LEVEL: 'INFO',
      POWERTOOLS_METRICS_NAMESPACE: 'orderdesk',
      NODE_OPTIONS: '--enable-source-maps',
    };
    if (access.table) environment[EnvName.tableName] = resources.table.tableName;
    if (access.bucket) environment[EnvName.bucketName] = resources.bucket.bucketName;
    if (access.userPool) environment[EnvName.userPoolId] = resources.userPool.userPoolId;
    if (access.mail) {
      environment[EnvName.mailFrom] = stage.mailFrom;
      environment[EnvName.inboundDomain] = stage.inboundDomain;
      environment[EnvName.apiUrl] = apiUrlOf(name, resources);
      // Every mail names it, so SES reports its bounces and complaints (FunctionsStack makes it).
      environment[EnvName.mailConfigurationSet] = stage.mailConfigurationSet;
    }
    // By its fixed name: the workflow's Task states refer to these functions, so a grant on the
    // state machine resource would make the two depend on each other.
    const workflowArn = stack.formatArn({ service: 'states', resource: 'stateMachine', resourceName: stage.workflowName, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
    if (access.workflow?.length) environment[EnvName.workflowArn] = workflowArn;
    if (access.secrets?.length) environment[EnvName.secretsPrefix] = stage.secretsPrefix;
    if (access.apiLinks && !access.mail) environment[EnvName.apiUrl] = apiUrlOf(name, resources);
    // By the queues' fixed names: a producer in another stack (the API's) refers to no resource of the functions stack.
    const queues = (access.queues ?? []).map((queue) => ({ queue, ...queueAddressOf(stack, stage.stage, queue) }));
    if (queues.length > 0) environment[EnvName.queueUrls] = JSON.stringify(Object.fromEntries(queues.map(({ queue, url }) => [queue, url])));

    super(scope, id, {
      functionName,
      code: Code.fromAsset(projectRoot, { assetHashType: AssetHashType.OUTPUT, bundling: new FunctionBundling(name) }),
      handler: 'index.handler',
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: 1024,
      timeout: Duration.seconds(props.timeoutSeconds ?? functionTimeoutSeconds),
      tracing: Tracing.ACTIVE,
      loggingFormat: LoggingFormat.JSON,
      applicationLogLevelV2: ApplicationLogLevel.INFO,
      systemLogLevelV2: SystemLogLevel.WARN,
      role,
      logGroup,
      environment,
    });

    logGroup.grantWrite(role);
    if (access.table) {
      // The table and its indexes by name (not CDK's `index/*`): a new index is granted when it is defined.
      const { tableArn } = resources.table;
      const indexes = tableDefinition.globalIndexes.map((index) => `${tableArn}/index/${index.indexName}`);
      this.addToRolePolicy(new PolicyStatement({ actions: [...tableActions[access.table]], resources: [tableArn, ...indexes] }));
    }
    // One statement per key prefix, on that prefix's objects only: not CDK's bucket grants, which
    // add s3:List* and s3:GetBucket* on the bucket and every object version action. By the
    // bucket's fixed name, so the grant (and its acknowledgement) reads the same in every stack.
    for (const [prefix, actions] of Object.entries(access.bucket ?? {})) {
      const objects = `arn:${stack.partition}:s3:::${filesBucketName(stage.stage, stack)}/${prefix}*`;
      this.addToRolePolicy(new PolicyStatement({ actions: (actions ?? []).map((action) => s3Actions[action]), resources: [objects] }));
      acknowledge(role, wildcardFinding(this, objects), `Objects under ${prefix} only: S3 names objects by key, and a key prefix is the narrowest grant there is`);
    }
    if (access.userPool?.length) {
      // On the one pool, and only the actions this function calls.
      resources.userPool.grant(this, ...access.userPool.map((action) => `cognito-idp:${action}`));
    }
    if (access.mail) {
      // SES checks the identity that verifies the sender (the address, or its domain) and, when a
      // mail names one, the configuration set too.
      const identities = [stage.mailFrom, stage.mailFrom.split('@')[1]!].map((identity) => stack.formatArn({ service: 'ses', resource: 'identity', resourceName: identity }));
      const configurationSetArn = stack.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: stage.mailConfigurationSet });
      this.addToRolePolicy(new PolicyStatement({ actions: ['ses:SendEmail', 'ses:SendRawEmail'], resources: [...identities, configurationSetArn] }));
    }
    if (access.workflow?.includes('start')) this.addToRolePolicy(new PolicyStatement({ actions: ['states:StartExecution'], resources: [workflowArn] }));
    if (access.workflow?.includes('describe')) {
      // Executions are named `<state machine>:<execution>`: this state machine's only.
      const executions = stack.formatArn({ service: 'states', resource: 'execution', resourceName: `${stage.workflowName}:*`, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
      this.addToRolePolicy(new PolicyStatement({ actions: ['states:DescribeExecution'], resources: [executions] }));
      acknowledge(role, wildcardFinding(this, executions), 'The executions of the one request workflow, whose names are made as they start');
    }
    if (access.workflow?.includes('report')) {
      // Task-token calls take no resource in IAM: a token names its task, and only `*` is accepted.
      this.addToRolePolicy(new PolicyStatement({ actions: ['states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat'], resources: ['*'] }));
    }
    if (access.secrets?.length) {
      // Secrets Manager appends six random characters to a secret's ARN.
      const secrets = access.secrets.map((secret) =>
        stack.formatArn({ service: 'secretsmanager', resource: 'secret', resourceName: `${stage.secretsPrefix}${secret}-??????`, arnFormat: ArnFormat.COLON_RESOURCE_NAME }),
      );
      this.addToRolePolicy(new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: secrets }));
    }
    // Sending to the named queues, nothing else (no receive, no delete: the consumer's own grants).
    if (queues.length > 0) this.addToRolePolicy(new PolicyStatement({ actions: ['sqs:SendMessage'], resources: queues.map(({ arn }) => arn) }));
    acknowledge(
      role,
      'AwsSolutions-IAM5[Resource::*]',
      access.workflow?.includes('report')
        ? 'X-Ray (tracing) and Step Functions task tokens (SendTaskSuccess) accept only Resource "*": a trace segment and a token name no resource'
        : 'X-Ray (tracing) accepts only Resource "*": a trace segment names no resource',
    );
    acknowledge(this, 'Serverless-LambdaDLQ', props.failures);
  }
}

/**
 * How CDK bundles one function: it takes the bundle from the process's one esbuild pass
 * (`function-bundles.ts`, with `bundleOptions`, as `npm run size` builds) instead of running an
 * `esbuild` process per function as NodejsFunction's own bundling does. CDK still does the rest:
 * the asset is hashed by its output (the bundle's bytes), staged once per output dir and process,
 * and skipped in the stacks `cdk synth --exclusively` (or `aws:cdk:bundling-stacks`) leaves out.
 */
class FunctionBundling implements BundlingOptions {
  /** Never pulled: the bundle is always made locally. CDK asks for an image all the same (NodejsFunction names this placeholder too). */
  readonly image = DockerImage.fromRegistry('dummy');
  /** What is bundled, and how: both part of CDK's cache key, so each function is an asset of its own. */
  readonly entry: string;
  readonly options = bundleOptions;
  readonly local: ILocalBundling;

  constructor(name: string) {
    this.entry = `functions/${name}.ts`;
    this.local = {
      tryBundle: (outputDir) => {
        writeFunctionBundle(functionBundle(name), outputDir);
        return true;
      },
    };
  }
}

/** The fixed name of the queue a `queue` entry of the function table consumes: `orderdesk-<stage>-<function>`. */
export const queueNameOf = (stage: string, functionName: string): string => `orderdesk-${stage}-${functionName}`;

/** A queue's URL and ARN from its fixed name, in `stack`'s account and region. */
const queueAddressOf = (stack: Stack, stage: string, functionName: string) => {
  const queueName = queueNameOf(stage, functionName);
  return {
    url: `https://sqs.${stack.region}.${stack.urlSuffix}/${stack.account}/${queueName}`,
    arn: stack.formatArn({ service: 'sqs', resource: queueName, arnFormat: ArnFormat.NO_RESOURCE_NAME }),
  };
};

/** A function that sends mail links to the API (one-click unsubscribe): the stack must hand over its URL. */
const apiUrlOf = (name: string, resources: OrderdeskResources): string => {
  if (resources.apiUrl === undefined) {
    throw new Error(`${name} links to the API (mail, webhook events): give its stack's resources an apiUrl (the data stack has none: the API depends on it)`);
  }
  return resources.apiUrl;
};
