import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import * as z from 'zod';
import { currentCorrelationId, withCorrelationId } from '../observability/correlation.js';
import { logger } from '../observability/logger.js';
import { observability } from '../observability/middleware.js';
import { ValidationError } from '../domain/errors.js';
import { errorAnswer } from './error-response.js';
import { identityFromClaims, type Identity } from './identity.js';
import { parseRequest, type ParsedRequest } from './parse-request.js';
import type { RouteAuth, RouteDefinition, RouteSchemas } from './route.js';
import { RedirectTo } from './schemas/redirect.js';

export type RouteInput<S extends RouteSchemas, A extends RouteAuth, R extends boolean = false> = ParsedRequest<S> & {
  identity: A extends 'jwt' ? Identity : undefined;
  /** API Gateway's id of this call: the access log's `requestId`, the logs' and the timeline's `correlationId`. */
  requestId: string;
  /** The validated `Idempotency-Key` header, on routes that take one. */
  idempotencyKey?: string;
  /** The body's bytes as received, on routes that ask for them (`rawBody: true`). */
  rawBody: R extends true ? Buffer : undefined;
  /** The request's headers (lower-case names), e.g. a webhook's signature header. */
  headers: Readonly<Record<string, string | undefined>>;
  /** Where the call came from, as API Gateway saw it: recorded with binding decisions. */
  origin: { ip: string; userAgent: string };
};

/** Printable ASCII, as the IETF Idempotency-Key draft and common clients use (UUIDs, ULIDs). */
const IdempotencyKey = z.string().regex(/^[\x21-\x7e]{1,255}$/, 'must be 1 to 255 printable ASCII characters').optional();

const idempotencyKeyOf = (event: APIGatewayProxyEventV2): string | undefined => {
  const parsed = IdempotencyKey.safeParse(event.headers['idempotency-key']);
  if (!parsed.success) throw new ValidationError([{ field: 'headers.idempotency-key', reason: parsed.error.issues[0]?.message ?? 'is invalid' }]);
  return parsed.data;
};

export type RouteImplementation<S extends RouteSchemas, A extends RouteAuth, R extends boolean = false> = (
  input: RouteInput<S, A, R>,
) => Promise<z.input<S['response']>>;

const jsonHeaders = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

const json = (statusCode: number, body: unknown, headers: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: { ...jsonHeaders, ...headers },
  body: statusCode === 204 ? '' : JSON.stringify(body),
});

/** Where the HTTP API JWT authorizer puts the claims (absent on public routes). */
const AuthorizerContext = z.object({ authorizer: z.object({ jwt: z.object({ claims: z.unknown() }) }) });
const claimsOf = (event: APIGatewayProxyEventV2): unknown => AuthorizerContext.safeParse(event.requestContext).data?.authorizer.jwt.claims;

/** API Gateway's id of the call (what its access log and `apigw-requestid` header say); Lambda's for an event without one. */
const apiRequestIdOf = (event: APIGatewayProxyEventV2, context: Context): string =>
  typeof event?.requestContext?.requestId === 'string' && event.requestContext.requestId ? event.requestContext.requestId : context.awsRequestId;

export type RouteHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

/**
 * Wraps a route's implementation in the shared middy stack: tracing, the log context, business
 * metrics, input validation with the route's zod schemas, the caller's identity, JSON answers,
 * and the one error mapper. Each call runs as its own action: API Gateway's request id is its
 * correlation id (logged on every line as `correlationId`, recorded on the timeline entries it
 * writes, and said in an error's `requestId`). Handlers stay adapters: parse, call one service
 * function, shape the answer.
 */
export const createHandler =
  <S extends RouteSchemas, A extends RouteAuth, R extends boolean = false>(route: RouteDefinition<S, A, R>) =>
  (implementation: RouteImplementation<S, A, R>): RouteHandler => {
    const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Error, Context>()
      .use(observability())
      .use({
        onError: async (request) => {
          const answer = errorAnswer(request.error, currentCorrelationId() ?? request.context.awsRequestId);
          if (answer.expected) logger.info('request refused', { status: answer.statusCode, error: answer.body.error });
          else logger.error('request failed', { error: request.error });
          request.response = json(answer.statusCode, answer.body, answer.headers);
        },
      })
      .handler(async (event, context) => {
        logger.appendKeys({ route: route.name });
        const { rawBody, ...parsed } = parseRequest(route.schemas, event, { rawBody: route.rawBody });
        // Behind the authorizer claims are always there; without them this throws UnauthenticatedError.
        const identity = route.auth === 'jwt' ? identityFromClaims(claimsOf(event)) : undefined;
        const idempotencyKey = route.idempotent ? idempotencyKeyOf(event) : undefined;
        const origin = { ip: event.requestContext.http.sourceIp, userAgent: event.requestContext.http.userAgent };
        const requestId = apiRequestIdOf(event, context);
        // The conditional types of `identity` and `rawBody` can't follow the runtime checks above; they hold by construction.
        const input = { ...parsed, identity, idempotencyKey, rawBody, headers: event.headers, origin, requestId } as RouteInput<S, A, R>;
        const result = await implementation(input);
        // A 303 sends the caller on: its `location` is the answer, in the header.
        if (route.status === 303) return { statusCode: 303, headers: { location: RedirectTo.parse(result).location, 'cache-control': 'no-store' }, body: '' };
        return json(route.status, result);
      });
    return (event, context) => withCorrelationId(apiRequestIdOf(event, context), () => handler(event, context));
  };
