import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { ValidationError } from '../lib/domain/errors.js';
import { errorAnswer } from '../lib/http/error-response.js';
import { pathPattern, routeKey, type RouteDefinition } from '../lib/http/route.js';

/** A path matched to a route: its decoded `{parameters}`, and those that could not be decoded. */
export interface RouteMatch {
  params: Record<string, string>;
  /** Parameters whose percent-encoding is malformed or not UTF-8 (`%ff%fe`); their raw text is in `params`. */
  malformed: string[];
}

/** One compiled route: matches a path and pulls out its `{parameters}`. */
export interface RouteMatcher {
  route: RouteDefinition;
  match(method: string, path: string): RouteMatch | undefined;
}

export const compileRoute = (route: RouteDefinition): RouteMatcher => {
  const { regex, names } = pathPattern(route.path);
  return {
    route,
    match(method, path) {
      if (method !== route.method) return undefined;
      const found = regex.exec(path);
      if (!found) return undefined;
      const params: Record<string, string> = {};
      const malformed: string[] = [];
      names.forEach((name, i) => {
        const raw = found[i + 1] ?? '';
        try {
          params[name] = decodeURIComponent(raw);
        } catch {
          params[name] = raw;
          malformed.push(name);
        }
      });
      return { params, malformed };
    },
  };
};

/**
 * The answer to a path parameter that cannot be decoded. API Gateway decodes path parameters
 * before the function sees them and documents nothing for bytes that are not UTF-8; whatever it
 * then hands over fails the route's own path schema, which answers this 400 naming the parameter.
 * Locally it is answered here, for every route alike, in the handlers' error shape.
 */
export const malformedPathAnswer = (names: readonly string[], requestId: string = randomUUID()): HttpAnswer => {
  const { statusCode, body } = errorAnswer(
    new ValidationError(names.map((name) => ({ field: `path.${name}`, reason: 'is not valid percent-encoded UTF-8' }))),
    requestId,
  );
  return { statusCode, headers: { 'content-type': 'application/json; charset=utf-8' }, body: Buffer.from(JSON.stringify(body)) };
};

/** Like API Gateway: a literal segment beats a parameter, so `/requests/mine` wins over `/requests/{id}`. */
export const findRoute = (matchers: readonly RouteMatcher[], method: string, path: string) => {
  const candidates = matchers
    .map((matcher) => ({ matcher, found: matcher.match(method, path) }))
    .filter((c): c is { matcher: RouteMatcher; found: RouteMatch } => c.found !== undefined)
    .map(({ matcher, found }) => ({ matcher, ...found }))
    .sort((a, b) => Object.keys(a.params).length - Object.keys(b.params).length);
  return candidates[0];
};

export interface IncomingCall {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: Buffer;
  sourceIp: string;
  /** API Gateway's id of the call (`requestContext.requestId`, the `apigw-requestid` header); a fresh one if not given. */
  requestId?: string;
}

const isTextual = (contentType: string | undefined) =>
  !contentType || /^(text\/|application\/(json|.+\+json|x-www-form-urlencoded|xml))/i.test(contentType);

/** The payload-format-2.0 event HTTP API sends a Lambda integration. */
export const toApiGatewayEvent = (
  call: IncomingCall,
  /** The route it matched, or `$default` for a call that matched none (API Gateway's catch-all route). */
  route: Pick<RouteDefinition, 'method' | 'path'> | '$default',
  pathParameters: Record<string, string>,
  claims: Record<string, string> | undefined,
  now: Date = new Date(),
): APIGatewayProxyEventV2WithJWTAuthorizer => {
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (const [name, value] of Object.entries(call.headers)) {
    if (value === undefined) continue;
    if (name === 'cookie') cookies.push(...String(value).split(/;\s*/));
    else headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const query: Record<string, string> = {};
  for (const key of new Set(call.url.searchParams.keys())) query[key] = call.url.searchParams.getAll(key).join(',');
  const textual = isTextual(headers['content-type']);
  const matchedKey = route === '$default' ? route : routeKey(route);
  const event = {
    version: '2.0',
    routeKey: matchedKey,
    rawPath: call.url.pathname,
    rawQueryString: call.url.search.slice(1),
    cookies: cookies.length ? cookies : undefined,
    headers,
    queryStringParameters: Object.keys(query).length ? query : undefined,
    pathParameters: Object.keys(pathParameters).length ? pathParameters : undefined,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'local',
      http: {
        method: call.method,
        path: call.url.pathname,
        protocol: 'HTTP/1.1',
        sourceIp: call.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: call.requestId ?? randomUUID(),
      routeKey: matchedKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
      authorizer: { principalId: '', integrationLatency: 0, jwt: { claims: claims ?? {}, scopes: [] } },
    },
    body: call.body.length ? (textual ? call.body.toString('utf8') : call.body.toString('base64')) : undefined,
    isBase64Encoded: call.body.length > 0 && !textual,
  };
  if (!claims) delete (event.requestContext as { authorizer?: unknown }).authorizer;
  return event;
};

export const lambdaContext = (functionName: string, timeoutMs: number): Context => {
  const deadline = Date.now() + timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
};

export interface HttpAnswer {
  statusCode: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

/** What API Gateway makes of a handler's result under payload format 2.0. */
export const fromLambdaResult = (result: unknown): HttpAnswer => {
  const isStructured = typeof result === 'object' && result !== null && 'statusCode' in result;
  if (!isStructured) {
    const body = result === undefined ? '' : typeof result === 'string' ? result : JSON.stringify(result);
    return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(body) };
  }
  const structured = result as APIGatewayProxyStructuredResultV2;
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(structured.headers ?? {})) headers[name.toLowerCase()] = String(value);
  if (structured.cookies?.length) headers['set-cookie'] = structured.cookies;
  const raw = structured.body ?? '';
  return {
    statusCode: structured.statusCode ?? 200,
    headers,
    body: structured.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw),
  };
};
