import type * as z from 'zod';
import type { FunctionAccess } from '../config/access.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** `public`: anyone; `jwt`: the API's JWT authorizer (Cognito) must have accepted a bearer token. */
export type RouteAuth = 'public' | 'jwt';

export interface RouteSchemas {
  path?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  response: z.ZodType;
}

export interface RouteDefinition<S extends RouteSchemas = RouteSchemas, A extends RouteAuth = RouteAuth, R extends boolean = boolean> {
  /** kebab-case; `functions/<name>.ts` is the Lambda entry, `<name>` part of its logical id. */
  name: string;
  method: HttpMethod;
  /** API Gateway path syntax: `/requests/{requestId}`. */
  path: string;
  auth: A;
  /** Why a `public` route needs no login (what stands in for it): the security review reads this. */
  publicBecause?: string;
  summary: string;
  tag: string;
  /** The status of a successful answer. */
  status: 200 | 201 | 202 | 204;
  schemas: S;
  /** What its function may touch (see FunctionAccess). */
  access: FunctionAccess;
  /** Accepts an `Idempotency-Key` header: a repeated call gets the first answer back. */
  idempotent?: boolean;
  /**
   * The handler also gets the body's bytes exactly as received (`rawBody`), e.g. to check a
   * webhook's signature, which is computed over the bytes and not over parsed JSON. Without a
   * body schema, any body of any content type is accepted and left to the handler.
   */
  rawBody?: R;
}

/** Keeps each route's literal types (schemas, auth, raw body) so handlers get typed input. */
export const defineRoute = <S extends RouteSchemas, A extends RouteAuth, R extends boolean = false>(route: RouteDefinition<S, A, R>) => route;

export const routeKey = (route: Pick<RouteDefinition, 'method' | 'path'>): string => `${route.method} ${route.path}`;
