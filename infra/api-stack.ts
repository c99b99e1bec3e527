import { Duration, Stack, type StackProps, CfnOutput } from 'aws-cdk-lib';
import { CorsHttpMethod, HttpApi, HttpMethod, HttpNoneAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { Construct } from 'constructs';
import { apiCors } from '../lib/http/cors.js';
import type { RouteDefinition } from '../lib/http/route.js';
import { logicalIdOf } from './logical-id.js';
import { OrderdeskFunction, type OrderdeskResources } from './orderdesk-function.js';
import type { StageConfig } from './stage-config.js';

export interface ApiStackProps extends StackProps {
  config: StageConfig;
  resources: OrderdeskResources;
  routes: readonly RouteDefinition[];
}

/** The HTTP API: one Lambda per entry of the route table, JWT-protected where the table says. */
export class ApiStack extends Stack {
  readonly api: HttpApi;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { config, resources, routes } = props;

    this.api = new HttpApi(this, 'Api', {
      apiName: `orderdesk-${config.stage}`,
      corsPreflight: {
        allowOrigins: config.portalOrigins,
        allowMethods: apiCors.allowMethods.map((method) => CorsHttpMethod[method]),
        allowHeaders: [...apiCors.allowHeaders],
        maxAge: Duration.seconds(apiCors.maxAgeSeconds),
      },
      createDefaultStage: false,
    });
    this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: 50, burstLimit: 100 },
    });

    const issuer = `https://cognito-idp.${this.region}.amazonaws.com/${resources.userPool.userPoolId}`;
    const jwt = new HttpJwtAuthorizer('Cognito', issuer, { jwtAudience: Object.values(resources.appClientIds) });
    const none = new HttpNoneAuthorizer();
    // The routes that send mail link back to the API (one-click unsubscribe).
    const routeResources: OrderdeskResources = { ...resources, apiUrl: this.api.apiEndpoint };

    for (const route of routes) {
      const logicalId = logicalIdOf(route.name);
      const fn = new OrderdeskFunction(this, logicalId, { name: route.name, access: route.access, resources: routeResources, stage: config });
      this.api.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: new HttpLambdaIntegration(`${logicalId}Integration`, fn),
        authorizer: route.auth === 'jwt' ? jwt : none,
      });
    }

    new CfnOutput(this, 'ApiUrl', { value: this.api.apiEndpoint });
  }
}
