import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { apiPayloadLimitBytes } from '../lib/config/limits.js';
import { apiCors } from '../lib/http/cors.js';
import type { RouteDefinition } from '../lib/http/route.js';
import { noRoute } from '../lib/http/routes.js';
import {
  compileRoute,
  findRoute,
  fromLambdaResult,
  malformedPathAnswer,
  toApiGatewayEvent,
  type HttpAnswer,
} from './api-gateway-event.js';
import { docsAsset, docsPage } from './docs-page.js';
import { localFunctions } from './handler-module.js';
import { listen, readLimited } from './http-server.js';

export interface ApiServerOptions {
  host: string;
  port: number;
  routes: readonly RouteDefinition[];
  /** The origins CORS allows: the portal's, one per brand host. */
  portalOrigins: readonly string[];
  /** Returns API Gateway's claims for a valid bearer token, undefined for a 401. */
  authorize: (authorization: string | undefined) => Promise<Record<string, string> | undefined>;
  log: (line: string) => void;
}

/** API Gateway's own answers, which the portal will meet in AWS too (a call of no route is the no-route function's, as there). */
const gatewayAnswer = (statusCode: number, message: string): HttpAnswer => ({
  statusCode,
  headers: { 'content-type': 'application/json' },
  body: Buffer.from(JSON.stringify({ message })),
});

/** An HTTP server that answers like the deployed HTTP API: same routes, same handlers, same events. */
export const startApiServer = async (options: ApiServerOptions) => {
  const matchers = options.routes.map(compileRoute);
  const runFunction = localFunctions();

  const corsHeaders = (origin: string | undefined): Record<string, string> =>
    origin && options.portalOrigins.includes(origin) ? { 'access-control-allow-origin': origin, 'access-control-expose-headers': apiCors.exposeHeaders.join(','), vary: 'origin' } : {};

  /** `requestId`: API Gateway's id of the call, which the event carries and the answer's `apigw-requestid` header says. */
  const answer = async (request: http.IncomingMessage, requestId: string): Promise<HttpAnswer> => {
    const url = new URL(request.url ?? '/', `http://${request.headers.host ?? 'localhost'}`);
    const method = request.method ?? 'GET';
    if (method === 'OPTIONS' && request.headers['access-control-request-method']) {
      return {
        statusCode: 204,
        headers: {
          ...corsHeaders(request.headers.origin),
          'access-control-allow-methods': apiCors.allowMethods.join(','),
          'access-control-allow-headers': apiCors.allowHeaders.join(','),
          'access-control-max-age': String(apiCors.maxAgeSeconds),
        },
        body: Buffer.alloc(0),
      };
    }
    if (method === 'GET' && (url.pathname === '/docs' || url.pathname === '/docs/')) {
      return { statusCode: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: Buffer.from(docsPage()) };
    }
    const asset = method === 'GET' && url.pathname.startsWith('/docs/') ? docsAsset(url.pathname.slice('/docs/'.length)) : undefined;
    if (asset) return { statusCode: 200, headers: { 'content-type': asset.contentType }, body: asset.body };

    const found = findRoute(matchers, method, url.pathname);
    const body = await readLimited(request, apiPayloadLimitBytes);
    if (!body) return gatewayAnswer(413, 'Request Entity Too Large');
    const call = { method, url, headers: request.headers, body, sourceIp: request.socket.remoteAddress ?? '127.0.0.1', requestId };
    if (!found) {
      // As API Gateway's `$default` route: the no-route function answers, in the error shape.
      const run = await runFunction(noRoute.name, toApiGatewayEvent(call, '$default', {}, undefined), `orderdesk-local-${noRoute.name}`);
      return run.timedOut ? gatewayAnswer(503, 'Service Unavailable') : fromLambdaResult(run.result);
    }
    const { route } = found.matcher;
    const claims = route.auth === 'jwt' ? await options.authorize(request.headers.authorization) : undefined;
    if (route.auth === 'jwt' && !claims) return gatewayAnswer(401, 'Unauthorized');
    // After the authorizer, as in AWS, where the function's path schema refuses it.
    if (found.malformed.length > 0) return malformedPathAnswer(found.malformed, requestId);
    const event = toApiGatewayEvent(call, route, found.params, claims);
    const run = await runFunction(route.name, event, `orderdesk-local-${route.name}`);
    return run.timedOut ? gatewayAnswer(503, 'Service Unavailable') : fromLambdaResult(run.result);
  };

  const server = http.createServer((request, response) => {
    const started = performance.now();
    // As the HTTP API: every answer says its request id, the one the handlers log as `correlationId`.
    const requestId = randomUUID();
    answer(request, requestId)
      .catch((error: unknown) => {
        options.log(`handler crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return gatewayAnswer(500, 'Internal Server Error');
      })
      .then((result) => {
        response.writeHead(result.statusCode, { ...result.headers, ...corsHeaders(request.headers.origin), 'apigw-requestid': requestId });
        response.end(result.body);
        options.log(`${request.method} ${request.url} ${result.statusCode} ${(performance.now() - started).toFixed(0)} ms`);
      });
  });
  return listen(server, options.host, options.port);
};
