import { inject } from 'vitest';
import * as z from 'zod';
import { routeKey, type HttpMethod, type RouteDefinition, type RouteSchemas } from '../../lib/http/route.js';
import { routes } from '../../lib/http/routes.js';
import { ErrorBody } from '../../lib/http/schemas/error.js';
import type { CreateRequestBody } from '../../lib/http/schemas/requests.js';
import { logIn } from '../../local/cognito.js';
import { localLogin } from '../../local/local-login.js';

/**
 * A client of the API typed from the route table (lib/http/routes.ts):
 *
 *   const answer = await jana.send(routes.createRequest, { body: newInquiry(), headers: { 'idempotency-key': key } });
 *   const request = ok(answer); // the route's success status, or the test fails showing status and error
 *   await jana.send(routes.getRequest, { path: { requestId: request.requestId } });
 *   await jana.send(routes.listRequests, { query: { status: 'submitted', limit: 10 } });
 *
 * Inputs are the `z.input` of the route's schemas. An answer with the route's success status is
 * parsed with its response schema, any other as the documented error (or API Gateway's own
 * `{ message }`), so an answer that breaks its documented shape fails the test: a wrong type, a
 * missing field, or a field the schema does not document (the OpenAPI document says
 * `additionalProperties: false`), which is also how a leak would show. `raw` is the untyped way to
 * send what the types forbid.
 */

type Route<S extends RouteSchemas = RouteSchemas> = RouteDefinition<S>;

/** Query values as the schema takes them; where it takes any string (page sizes), a number too. */
type QueryValues<T> = { [K in keyof T]: string extends T[K] ? T[K] | number : T[K] };

type PathOption<S> = S extends { path: infer P extends z.ZodType } ? { path: z.input<P> } : { path?: never };
type QueryInput<S> = S extends { query: infer Q extends z.ZodType } ? QueryValues<z.input<Q>> : never;
type QueryOption<S> = [QueryInput<S>] extends [never] ? { query?: never } : { query?: QueryInput<S> };
type BodyOption<S> = S extends { body: infer B extends z.ZodType }
  ? undefined extends z.input<B>
    ? { body?: z.input<B> }
    : { body: z.input<B> }
  : { body?: never };

/** What `send` takes for a route: its path parameters (when it has any), query, body and headers. */
export type SendOptions<S extends RouteSchemas> = PathOption<S> & QueryOption<S> & BodyOption<S> & { headers?: Record<string, string> };

/** The options may be left out when nothing in them is required. */
type SendArgs<S extends RouteSchemas> = {} extends SendOptions<S> ? [options?: SendOptions<S>] : [options: SendOptions<S>];

/** The success data of a route: the output of its response schema. */
export type DataOf<R extends Route> = z.output<R['schemas']['response']>;

/** The body a route takes, as `send` takes it. */
export type BodyOf<R extends Route> = R['schemas'] extends { body: infer B extends z.ZodType } ? z.input<B> : never;

/** The query a route takes, as `send` takes it. */
export type QueryOf<R extends Route> = QueryInput<R['schemas']>;

/** The body of a new request, as POST /requests takes it. */
export type NewRequest = z.input<typeof CreateRequestBody>;

export interface Answer<T = unknown> {
  status: number;
  /** On the route's success status: the body parsed with its response schema (none for 204). */
  data?: T;
  /** On any other status: the function's error (ErrorBody). */
  error?: ErrorBody['error'];
  /** API Gateway's own refusal before any function ran (`{ message }`): 401 without a valid token, 413 over its limit. */
  gatewayMessage?: string;
}

/** What `raw` answers: the status and the body as JSON, unchecked. */
export interface RawAnswer {
  status: number;
  body: unknown;
}

/** A caller of the API with a real Cognito token (or none). */
export interface Client {
  /** Calls a route of the table with typed input; the answer is checked against the route's schemas. */
  send<S extends RouteSchemas>(route: Route<S>, ...options: SendArgs<S>): Promise<Answer<z.output<S['response']>>>;
  /**
   * Untyped: only for tests that deliberately send what `send`'s types forbid (malformed JSON, a
   * wrong content type, unknown fields, values of the wrong type, undecodable path values, paths of
   * no route). A string body is sent as it is, anything else as JSON; the answer is not checked.
   */
  raw(method: HttpMethod, path: string, options?: { body?: unknown; headers?: Record<string, string> }): Promise<RawAnswer>;
  userId?: string;
  /** The bearer token it sends, if any (for calls a test makes by hand, e.g. with a forged Host header). */
  token?: string;
}

/** A client logged in as someone. */
export type SignedIn = Client & { userId: string };

/** A route's path with each `{parameter}` replaced by its value, percent-encoded. */
export const pathOf = (template: string, values: Readonly<Record<string, unknown>> = {}): string => {
  const names = new Set<string>();
  const path = template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    names.add(name);
    const value = values[name];
    if (value === undefined) throw new Error(`${template} needs a value for {${name}}`);
    return encodeURIComponent(String(value));
  });
  const unknown = Object.keys(values).filter((name) => !names.has(name));
  if (unknown.length > 0) throw new Error(`${template} has no {${unknown.join('}, {')}}`);
  return path;
};

/** A query string (`?a=1&b=x`, or nothing) of the values that are not undefined, percent-encoded. */
export const queryOf = (query: Readonly<Record<string, unknown>> = {}): string => {
  const pairs = Object.entries(query)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`);
  return pairs.length > 0 ? `?${pairs.join('&')}` : '';
};

/** The error answer exactly as documented: an unknown field (something leaked) fails the test too. */
const DocumentedError = z.strictObject({ error: z.strictObject(ErrorBody.shape.error.shape) });
/** API Gateway's own answers (local/api-server.ts serves the same). */
const GatewayAnswer = z.strictObject({ message: z.string() });

/** The route each answer of `send` came from, for `ok`. */
const answered = new WeakMap<Answer, Route>();

/** The data of a success answer of `send`; fails with the status and the error for any other. */
export const ok = <T>(answer: Answer<T>): T => {
  const route = answered.get(answer);
  if (!route) throw new Error('ok() takes an answer of client.send()');
  if (answer.status !== route.status) {
    const why = answer.error ? JSON.stringify(answer.error) : `API Gateway: ${answer.gatewayMessage}`;
    throw new Error(`${routeKey(route)} answered ${answer.status}, not ${route.status}: ${why}`);
  }
  return answer.data as T;
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The fields of `raw` that parsing it dropped (zod objects strip unknown keys), as paths like `items[0].rank`. */
export const undocumented = (raw: unknown, parsed: unknown, at = ''): string[] => {
  if (Array.isArray(raw) && Array.isArray(parsed)) return raw.flatMap((item, i) => undocumented(item, parsed[i], `${at}[${i}]`));
  if (!isRecord(raw) || !isRecord(parsed)) return [];
  return Object.keys(raw).flatMap((key) => {
    const path = at ? `${at}.${key}` : key;
    return key in parsed ? undocumented(raw[key], parsed[key], path) : [path];
  });
};

/** The answer of a route: its success status parsed with its response schema, any other as an error. */
const answerOf = <S extends RouteSchemas>(route: Route<S>, status: number, text: string, location: string | null): Answer<z.output<S['response']>> => {
  const fail = (why: string) => new Error(`${routeKey(route)} answered ${status} ${why}\n${text.slice(0, 2000)}`);
  // A 204 has no body (fetch gives none).
  if (status === 204 && route.status === 204) return { status };
  // A 303's answer is where it sends the caller (not followed).
  if (status === 303 && route.status === 303) {
    const parsed = route.schemas.response.safeParse({ location });
    if (!parsed.success) throw fail(`with a Location that breaks its response schema:\n${z.prettifyError(parsed.error)}`);
    return { status, data: parsed.data as z.output<S['response']> };
  }
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    throw fail('with a body that is not JSON:');
  }
  if (status === route.status) {
    const parsed = route.schemas.response.safeParse(json);
    if (!parsed.success) throw fail(`with a body that breaks its response schema:\n${z.prettifyError(parsed.error)}\nbody:`);
    const extra = undocumented(json, parsed.data);
    if (extra.length > 0) throw fail(`with fields its response schema does not document (it has additionalProperties: false): ${extra.join(', ')}\nbody:`);
    // The schema is the route's own; TypeScript cannot follow a generic S['response'] through safeParse.
    return { status, data: parsed.data as z.output<S['response']> };
  }
  const error = DocumentedError.safeParse(json);
  if (error.success) return { status, error: error.data.error };
  const gateway = GatewayAnswer.safeParse(json);
  if (gateway.success) return { status, gatewayMessage: gateway.data.message };
  throw fail(`(it answers ${route.status} on success) with a body that is no documented error:\n${z.prettifyError(error.error)}\nbody:`);
};

/** Runtime shape of the options; `SendOptions` checked them at compile time. */
interface WireOptions {
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A client of the API at `apiUrl`, with a bearer token or without one. */
export const apiClient = (apiUrl: string, token?: string): Client => {
  const exchange = async (method: HttpMethod, path: string, body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${apiUrl}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      // A redirect is an answer to look at, not to follow (GET /unsubscribe/{token} sends a browser to the portal).
      redirect: 'manual',
    });
    return { status: response.status, text: await response.text(), location: response.headers.get('location') };
  };

  return {
    token,
    async send<S extends RouteSchemas>(route: Route<S>, ...[options]: SendArgs<S>): Promise<Answer<z.output<S['response']>>> {
      const { path, query, body, headers } = (options ?? {}) as WireOptions;
      const { status, text, location } = await exchange(route.method, `${pathOf(route.path, path)}${queryOf(query)}`, body, headers);
      const answer = answerOf(route, status, text, location);
      answered.set(answer, route);
      return answer;
    },

    async raw(method, path, options = {}) {
      const { status, text } = await exchange(method, path, options.body, options.headers);
      const body: unknown = text ? JSON.parse(text) : undefined;
      return { status, body };
    },
  };
};

const stack = () => inject('stack');

export const anonymous = (): Client => apiClient(stack().apiUrl);

const withIdentity = async (token: string): Promise<SignedIn> => {
  const api = apiClient(stack().apiUrl, token);
  return { ...api, userId: ok(await api.send(routes.getMe)).userId };
};

/** Someone with a login, logged in through the azami app client as the portal would. */
export const asPerson = async (email: string, password: string): Promise<SignedIn> =>
  withIdentity(await logIn(stack().cognitoUrl, stack().userPool.appClientIds.azami, email, password));

/** Any user of the local pool, logged in as `npm run token` does it (local/local-login.ts). */
const asLocalUser = async (email: string): Promise<SignedIn> => withIdentity((await localLogin(stack(), email, 'azami')).token);

/** A demo user. */
export const asDemoUser = asLocalUser;

/** Someone invited by e-mail: given the local password (as choosing one in the portal would), then logged in. */
export const asInvitedPerson = asLocalUser;

export const people = {
  clientAdmin: 'jana.novakova@acme.example',
  clientMember: 'petr.svoboda@acme.example',
  otherOrgAdmin: 'olga.beta@beta.example',
  agent: 'eva.agentova@agency.example',
  admin: 'tomas.spravce@agency.example',
} as const;

export const newInquiry = (title = 'Nový e-shop pro Acme'): NewRequest => ({
  type: 'inquiry',
  title,
  description: 'Potřebujeme košík a platby kartou.',
  platform: 'azami',
});
