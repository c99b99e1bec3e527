import { Duration, RemovalPolicy, Stack, type StackProps, CfnOutput } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { CorsHttpMethod, HttpApi, HttpNoneAuthorizer, HttpRoute, HttpRouteKey, LogGroupLogDestination, type HttpStage } from 'aws-cdk-lib/aws-apigatewayv2';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { MathExpression } from 'aws-cdk-lib/aws-cloudwatch';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { Construct } from 'constructs';
import { apiCors } from '../lib/http/cors.js';
import type { RouteDefinition } from '../lib/http/route.js';
import { noRoute } from '../lib/http/routes.js';
import { acknowledge } from './acknowledge.js';
import { ApiRouteGroup, routeGroupId } from './api-route-group.js';
import { alarm, alarmPeriod } from './alarms.js';
import { logicalIdOf } from './logical-id.js';
import { OrderdeskFunction, type OrderdeskResources } from './orderdesk-function.js';
import { limitResources } from './resource-limit.js';
import type { StageConfig } from './stage-config.js';

export interface ApiStackProps extends StackProps {
  config: StageConfig;
  resources: OrderdeskResources;
  routes: readonly RouteDefinition[];
}

/**
 * One JSON line per API call: `requestId` is the id the handlers log as `correlationId` and answer
 * in error bodies, so one call is found in both; `sub` is the caller (JWT routes).
 */
export const accessLogFields = {
  requestId: '$context.requestId',
  time: '$context.requestTime',
  ip: '$context.identity.sourceIp',
  userAgent: '$context.identity.userAgent',
  method: '$context.httpMethod',
  routeKey: '$context.routeKey',
  path: '$context.path',
  status: '$context.status',
  responseLength: '$context.responseLength',
  latencyMs: '$context.responseLatency',
  integrationLatencyMs: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
  sub: '$context.authorizer.claims.sub',
} as const;

/** The share of API calls answered 5xx in 5 minutes at which someone should look (a handler never answers 500 by design). */
export const serverErrorRatePercent = 1;
/** Below this many calls in 5 minutes a rate says little: one failed call of three is not an outage. */
export const serverErrorMinimumCalls = 20;

/**
 * The HTTP API: one Lambda per entry of the route table, JWT-protected where the table says, in a
 * nested stack per route tag (ApiRouteGroup), and here the API, its stage and access log, the
 * no-route function for the rest (`$default`) and the 5xx alarm.
 */
export class ApiStack extends Stack {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  /** The access log: a line per call (see `accessLogFields`). */
  readonly accessLogs: LogGroup;
  /** The routes, a nested stack per route tag. */
  readonly routeGroups: readonly ApiRouteGroup[];

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { config, resources, routes } = props;

    this.api = new HttpApi(this, 'Api', {
      apiName: `orderdesk-${config.stage}`,
      corsPreflight: {
        allowOrigins: config.portalOrigins,
        allowMethods: apiCors.allowMethods.map((method) => CorsHttpMethod[method]),
        allowHeaders: [...apiCors.allowHeaders],
        exposeHeaders: [...apiCors.exposeHeaders],
        maxAge: Duration.seconds(apiCors.maxAgeSeconds),
      },
      createDefaultStage: false,
    });
    this.accessLogs = new LogGroup(this, 'AccessLogs', { retention: config.logRetention, removalPolicy: RemovalPolicy.DESTROY });
    this.stage = this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: 50, burstLimit: 100 },
      accessLogSettings: { destination: new LogGroupLogDestination(this.accessLogs), format: AccessLogFormat.custom(JSON.stringify(accessLogFields)) },
    });

    const issuer = `https://cognito-idp.${this.region}.amazonaws.com/${resources.userPool.userPoolId}`;
    // One JWT authorizer for the API: it makes its AWS::ApiGatewayV2::Authorizer under the API (in
    // this stack) on the first JWT route it is bound to, in whichever group, and every other JWT
    // route of every group refers to that one.
    const jwt = new HttpJwtAuthorizer('Cognito', issuer, { jwtAudience: Object.values(resources.appClientIds) });
    const none = new HttpNoneAuthorizer();
    // The routes that send mail link back to the API (one-click unsubscribe).
    const routeResources: OrderdeskResources = { ...resources, apiUrl: this.api.apiEndpoint };

    // Each tag's routes in a nested stack of their own (see ApiRouteGroup): one stack of every
    // route passed CloudFormation's 500 resources.
    const tags = [...new Set(routes.map((route) => route.tag))];
    this.routeGroups = tags.map(
      (tag) =>
        new ApiRouteGroup(this, routeGroupId(tag), {
          tag,
          routes: routes.filter((route) => route.tag === tag),
          api: this.api,
          authorizers: { jwt, none },
          resources: routeResources,
          config,
        }),
    );

    // A call of no route: the no-route function answers it in the error shape (404, or 405 with
    // Allow), where API Gateway alone would answer `{"message":"Not Found"}`. CORS preflights are
    // still API Gateway's own (the API's corsPreflight), before any route.
    const fallbackId = logicalIdOf(noRoute.name);
    const fallback = new OrderdeskFunction(this, fallbackId, {
      name: noRoute.name,
      access: noRoute.access,
      resources,
      stage: config,
      failures: 'API Gateway invokes it synchronously for a call of no route: the caller gets the answer; nothing waits in a queue',
    });
    const defaultRoute = new HttpRoute(this, 'DefaultRoute', {
      httpApi: this.api,
      routeKey: HttpRouteKey.DEFAULT,
      integration: new HttpLambdaIntegration(`${fallbackId}Integration`, fallback),
      authorizer: none,
    });
    acknowledge(defaultRoute, 'AwsSolutions-APIG4', noRoute.publicBecause);

    // 5xx: a handler threw (the error mapping answers every expected failure as 4xx), a function
    // timed out or was throttled, or the integration failed.
    const calls = this.stage.metricCount({ period: alarmPeriod, statistic: 'Sum' });
    const serverErrors = this.stage.metricServerError({ period: alarmPeriod, statistic: 'Sum' });
    alarm(this, 'ServerErrorRateAlarm', resources.alarms, {
      metric: new MathExpression({
        expression: `IF(calls >= ${serverErrorMinimumCalls}, 100 * errors / calls, 0)`,
        usingMetrics: { calls, errors: serverErrors },
        period: alarmPeriod,
        label: 'API 5xx rate (%)',
      }),
      threshold: serverErrorRatePercent,
      description: `${serverErrorRatePercent} % or more of the API’s calls answered 5xx in 5 minutes: the access log's status and integrationError, then the route function's log by requestId`,
    });

    new CfnOutput(this, 'ApiUrl', { value: this.api.apiEndpoint });
    limitResources(this, 'it should hold the HTTP API and little else: make the new resources in a nested stack (as the routes are, infra/api-route-group.ts)');
  }
}
