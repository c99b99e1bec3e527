import type * as z from 'zod';
import type { KeyPrefix } from '../domain/attachment-rules.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** `public`: anyone; `jwt`: the API's JWT authorizer (Cognito) must have accepted a bearer token. */
export type RouteAuth = 'public' | 'jwt';

/** What a function may do with the objects under one prefix of the attachments bucket. HEAD and
 * presigned GETs are `get`, presigned POSTs and copies' destinations `put`. */
export type ObjectAction = 'get' | 'put' | 'delete';

/** What a route's function may touch; the function construct turns this into grants and
 * environment variables, so least privilege is decided here, next to the route. */
export interface RouteAccess {
  table?: 'read' | 'readWrite';
  /** Object actions per key prefix (`uploads/`, `orgs/`); no function may list the bucket. */
  bucket?: Partial<Record<KeyPrefix, readonly ObjectAction[]>>;
  userPool?: 'admin';
}

export interface RouteSchemas {
  path?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  response: z.ZodType;
}

export interface RouteDefinition<S extends RouteSchemas = RouteSchemas, A extends RouteAuth = RouteAuth> {
  /** kebab-case; `functions/<name>.ts` is the Lambda entry, `<name>` part of its logical id. */
  name: string;
  method: HttpMethod;
  /** API Gateway path syntax: `/requests/{requestId}`. */
  path: string;
  auth: A;
  summary: string;
  tag: string;
  /** The status of a successful answer. */
  status: 200 | 201 | 202 | 204;
  schemas: S;
  access: RouteAccess;
  /** Accepts an `Idempotency-Key` header: a repeated call gets the first answer back. */
  idempotent?: boolean;
}

/** Keeps each route's literal types (schemas, auth) so handlers get typed input. */
export const defineRoute = <S extends RouteSchemas, A extends RouteAuth>(route: RouteDefinition<S, A>) => route;

export const routeKey = (route: Pick<RouteDefinition, 'method' | 'path'>): string => `${route.method} ${route.path}`;
