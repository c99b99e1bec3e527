import { NestedStack, type NestedStackProps } from 'aws-cdk-lib';
import { HttpMethod, HttpRoute, HttpRouteKey, type HttpApi, type IHttpRouteAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { Construct } from 'constructs';
import type { RouteDefinition } from '../lib/http/route.js';
import { acknowledge } from './acknowledge.js';
import { logicalIdOf } from './logical-id.js';
import { OrderdeskFunction, type OrderdeskResources } from './orderdesk-function.js';
import { limitResources } from './resource-limit.js';
import type { StageConfig } from './stage-config.js';

export interface ApiRouteGroupProps extends NestedStackProps {
  /** The route tag (`route.tag`) whose routes these are. */
  tag: string;
  routes: readonly RouteDefinition[];
  /** The parent's API: the routes attach to it, and their functions link to its URL. */
  api: HttpApi;
  /** The parent's one JWT authorizer, shared by every JWT route of every group, and its none authorizer. */
  authorizers: { jwt: IHttpRouteAuthorizer; none: IHttpRouteAuthorizer };
  /** What the functions may be granted; `apiUrl` is the parent API's. */
  resources: OrderdeskResources;
  config: StageConfig;
}

/** `people` → `RoutesPeople`: the id of a tag's nested stack (and the start of its stack name). */
export const routeGroupId = (tag: string): string =>
  `Routes${tag
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('')}`;

/**
 * The routes of one tag, each a Lambda, its integration and its route on the parent's API, in a
 * nested stack of their own: the API as one stack passed CloudFormation's 500 resources (a route
 * makes ~7), and a tag's routes are far fewer. CDK hands the parent's values in as parameters
 * (the API's id and URL, the authorizer's id, the data stack's exports as the parent imports them).
 */
export class ApiRouteGroup extends NestedStack {
  readonly tag: string;
  readonly routes: readonly RouteDefinition[];

  constructor(scope: Construct, id: string, props: ApiRouteGroupProps) {
    super(scope, id, { ...props, description: props.description ?? `orderdesk ${props.config.stage} API: the ${props.tag} routes` });
    const { api, authorizers, resources, config, routes, tag } = props;
    this.tag = tag;
    this.routes = routes;

    for (const route of routes) {
      // The function's id as in the API stack before the split, at the top of this stack: its logical id is unchanged.
      const logicalId = logicalIdOf(route.name);
      const fn = new OrderdeskFunction(this, logicalId, {
        name: route.name,
        access: route.access,
        resources,
        stage: config,
        failures: 'API Gateway invokes it synchronously: the caller gets the error answer and may retry; nothing waits in a queue',
        timeoutSeconds: route.timeoutSeconds,
      });
      // Made here, not by api.addRoutes (which would make the route and its integration under the
      // API, in the parent). The JWT authorizer makes its one AWS::ApiGatewayV2::Authorizer under
      // the API on its first route, whichever group that is, and every later route refers to it.
      const added = new HttpRoute(this, `${logicalId}Route`, {
        httpApi: api,
        routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
        integration: new HttpLambdaIntegration(`${logicalId}Integration`, fn),
        authorizer: route.auth === 'jwt' ? authorizers.jwt : authorizers.none,
      });
      if (route.auth === 'public') {
        if (!route.publicBecause) throw new Error(`Route ${route.name} is public: say why in its publicBecause (lib/http/routes.ts)`);
        acknowledge(added, 'AwsSolutions-APIG4', route.publicBecause);
      }
    }

    limitResources(this, `the ${tag} routes are too many for one stack: give some of them a tag of their own (route.tag in lib/http/routes/), which makes another nested stack`);
  }
}
