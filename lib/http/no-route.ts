import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { noRouteAnswer } from './error-response.js';
import { pathPattern, type RouteDefinition } from './route.js';

/**
 * The handler of calls no route of `routes` takes: a path of none of them is a 404, a method the
 * path does not have a 405 naming the ones it has. Nothing is read and nothing logged (scanners
 * try paths all day); the answer says API Gateway's request id, as every other refusal does.
 */
export const noRouteHandler = (routes: readonly RouteDefinition[]) => {
  const patterns = routes.map((route) => ({ method: route.method, regex: pathPattern(route.path).regex }));
  return async (event: APIGatewayProxyEventV2, context: Context): Promise<APIGatewayProxyStructuredResultV2> => {
    const method = event.requestContext.http.method;
    const path = event.rawPath;
    const allowed = [...new Set(patterns.filter((pattern) => pattern.regex.test(path)).map((pattern) => pattern.method))];
    const { statusCode, body, headers } = noRouteAnswer(method, path, allowed, event.requestContext.requestId || context.awsRequestId);
    return {
      statusCode,
      headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
      body: JSON.stringify(body),
    };
  };
};
