import type * as z from 'zod';
import type { FunctionAccess } from '../config/access.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** `public`: anyone; `jwt`: the API's JWT authorizer (Cognito) must have accepted a bearer token. */
export type RouteAuth = 'public' | 'jwt';

/** The 4xx and 503 answers the OpenAPI document describes per route (see lib/http/refusals.ts). */
export type RefusalStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 429 | 503;

/**
 * What a route refuses beyond what every route of its kind does, in a caller's words: when it
 * answers that status. What routes share (every JWT route's 401, every path's 404, every write's
 * 409, ...) is derived in one place, lib/http/refusals.ts, and these words are added to it;
 * `false` says the route never answers a status its kind would (the payment webhook: no 409).
 */
export type RouteRefusals = Partial<Record<RefusalStatus, string | false>>;

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
  /** More than the summary says, in Markdown, for the OpenAPI document (units, clocks, what a caller must know). */
  description?: string;
  tag: string;
  /** The status of a successful answer; 303 sends the caller on to the `location` the handler answers (RedirectTo). */
  status: 200 | 201 | 202 | 204 | 303;
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
  /** What it refuses beyond its kind (see RouteRefusals). */
  refusals?: RouteRefusals;
  /**
   * Its function's timeout, when a call may take longer than every other route's
   * (`functionTimeoutSeconds`); at most `routeTimeoutLimitSeconds`, API Gateway's own. Say why.
   */
  timeoutSeconds?: number;
}

/** Keeps each route's literal types (schemas, auth, raw body) so handlers get typed input. */
export const defineRoute = <S extends RouteSchemas, A extends RouteAuth, R extends boolean = false>(route: RouteDefinition<S, A, R>) => route;

/** A route as the route table writes it: named by its key (see routeTable), and `auth` stated only when `public`. */
export type RouteEntry = Omit<RouteDefinition, 'name' | 'auth'> & { auth?: RouteAuth };

/** Entries of the route table by key; write them `{ ... } satisfies RouteEntries` to keep their literal types. */
export type RouteEntries = Record<string, RouteEntry>;

/** The route an entry becomes, with the literal types defineRoute would keep: no `auth` is `jwt`, no `rawBody` false. */
export type RouteOf<E extends RouteEntry> = RouteDefinition<
  E['schemas'],
  E extends { auth: infer A extends RouteAuth } ? A : 'jwt',
  E extends { rawBody: infer R extends boolean } ? R : false
>;

/** A key of the route table in kebab-case: `getMe` → `get-me`. */
export const kebabCase = (key: string): string => key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/**
 * The route table of its entries: each route named after its key in kebab-case (`getMe` is
 * `get-me`: `functions/get-me.ts`, its logical id, its operationId), and `jwt` unless it says
 * `public`. Names are a deployed contract: a route is renamed by its key, never by accident.
 */
export const routeTable = <T extends RouteEntries>(entries: T): { readonly [K in keyof T]: RouteOf<T[K]> } =>
  Object.fromEntries(
    Object.entries(entries).map(([key, entry]) => [key, { name: kebabCase(key), ...entry, auth: entry.auth ?? 'jwt' }]),
  ) as { readonly [K in keyof T]: RouteOf<T[K]> };

export const routeKey = (route: Pick<RouteDefinition, 'method' | 'path'>): string => `${route.method} ${route.path}`;

/** A route path as a pattern: each `{parameter}` one segment, in order (`names`); the rest literal. */
export const pathPattern = (path: string): { regex: RegExp; names: string[] } => {
  const names: string[] = [];
  // Escape everything regex-special but the braces, then turn each `{name}` into a segment capture.
  const pattern = path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_whole, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { regex: new RegExp(`^${pattern}$`), names };
};
