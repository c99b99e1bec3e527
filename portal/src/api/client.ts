import createClient from 'openapi-fetch';
import type { Session } from '../auth/session.js';
import type { components, paths } from './schema.js';

export type Schemas = components['schemas'];

/** A refusal of the API's, as the portal words it: the status, its code, the fields a 400 names, what to do next. */
export interface ApiProblem {
  status: number;
  code: string;
  message: string;
  details: { field: string; reason: string }[];
  next?: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** The API's error body (`{ error: { code, message, details, next } }`) or API Gateway's (`{ message }`), as one shape. */
export const problemOf = (status: number, body: unknown): ApiProblem => {
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  if (error)
    return {
      status,
      code: typeof error.code === 'string' ? error.code : `http_${status}`,
      message: typeof error.message === 'string' ? error.message : '',
      details: Array.isArray(error.details) ? error.details.filter(isRecord).map((d) => ({ field: String(d.field ?? ''), reason: String(d.reason ?? '') })) : [],
      ...(typeof error.next === 'string' ? { next: error.next } : {}),
    };
  return { status, code: status === 0 ? 'network' : `http_${status}`, message: isRecord(body) && typeof body.message === 'string' ? body.message : '', details: [] };
};

/** Thrown by `must` when the API refused: the pages catch it and show `problem` as a sentence. */
export class ApiRefusal extends Error {
  constructor(readonly problem: ApiProblem) {
    super(`${problem.status} ${problem.code}`);
  }
}

/**
 * The typed API client: paths, parameters, bodies and answers come from the route table's
 * OpenAPI document (schema.d.ts), so a route changed on the server breaks this type check. Each
 * call carries the session's ID token; a 401 renews it once and tries again, and a second 401
 * ends the session (`onSignedOut`).
 */
export const apiClient = (baseUrl: string, session: Session, onSignedOut: () => void) => {
  const authorized = async (request: Request, token: string | undefined) => {
    const headers = new Headers(request.headers);
    if (token) headers.set('authorization', `Bearer ${token}`);
    return fetch(new Request(request, { headers }));
  };
  const fetchWithSession = async (request: Request): Promise<Response> => {
    const again = request.clone();
    let response: Response;
    try {
      response = await authorized(request, await session.token());
    } catch {
      return Response.json({ message: 'network' }, { status: 599 });
    }
    if (response.status !== 401 || !session.signedIn()) return response;
    const renewed = await session.renew();
    if (!renewed) {
      onSignedOut();
      return response;
    }
    const retried = await authorized(again, renewed);
    if (retried.status === 401) {
      await session.end('refused');
      onSignedOut();
    }
    return retried;
  };
  return createClient<paths>({ baseUrl, fetch: fetchWithSession });
};

export type Api = ReturnType<typeof apiClient>;

/** A caught error as the API's refusal to show; anything else (a bug) is thrown on. */
export const refusalOf = (error: unknown): ApiProblem => {
  if (error instanceof ApiRefusal) return error.problem;
  throw error;
};

/** The answer's data, or an ApiRefusal with the problem (a network failure is status 0). */
export const must = async <T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> => {
  const { data, error, response } = await call;
  if (response.ok && (data !== undefined || response.status === 204)) return data as T;
  const status = response.status === 599 ? 0 : response.status;
  throw new ApiRefusal(problemOf(status, error));
};
