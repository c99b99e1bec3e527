import { apiPayloadLimitBytes } from '../config/limits.js';
import { maxJsonBodyBytes } from './parse-request.js';
import type { RefusalStatus, RouteDefinition } from './route.js';

/**
 * Whose words a refusal is in: the handlers' error shape (`Error`: `{ error: { code, message, … } }`),
 * API Gateway's own `{ message }` (it answers before any function runs: a missing token, its
 * throttle), or either of the two.
 */
export type RefusalBody = 'error' | 'gateway' | 'either';

export interface Refusal {
  /** When the route answers it, in a caller's words. */
  description: string;
  body: RefusalBody;
  /** The answer says in `Retry-After` (seconds) when to try again. */
  retryAfter?: boolean;
}

const kib = (bytes: number) => `${bytes / 1024} KiB`;
const mib = (bytes: number) => `${bytes / 1024 / 1024} MiB`;

const joined = (...parts: (string | false | undefined)[]) => parts.filter((part): part is string => typeof part === 'string' && part !== '').join('; ');

/**
 * Every 4xx and 503 a route can answer, each with when, for the OpenAPI document. What routes
 * share follows from what they are, here and nowhere else:
 * - 400 every route: lib/http/parse-request.ts checks path, query and body against the route's
 *   schemas and refuses a query or body the route takes none of (and a malformed
 *   `Idempotency-Key` on the routes that take one);
 * - 401 every JWT route: API Gateway's authorizer, before the function;
 * - 403 every JWT route: a valid login whose person has no orderdesk account (lib/services/people/caller.ts);
 * - 404 every route with a path parameter: what it names is missing, or not the caller's to see;
 * - 409 every JWT route that writes: a write that met another one on the same item
 *   (`TransactionConflict`) or a condition it lost (lib/adapters/dynamodb/sdk-errors.ts), and a
 *   repeated `Idempotency-Key` with another body;
 * - 413 every route: a body over the handlers' limit (or API Gateway's);
 * - 429 every route: API Gateway's throttle of the stage;
 * - 503 every route that reads or writes the table: DynamoDB throttled it (`busy`, `Retry-After`).
 * What a route refuses besides, it says in its `refusals` (lib/http/routes.ts), which are added
 * here to what its kind shares; `false` takes one away.
 */
export const refusalsOf = (route: RouteDefinition): Partial<Record<RefusalStatus, Refusal>> => {
  const own = route.refusals ?? {};
  const jwt = route.auth === 'jwt';
  const takesBody = route.schemas.body !== undefined || route.rawBody === true;
  const derived: Partial<Record<RefusalStatus, Refusal>> = {
    400: {
      body: 'error',
      description: joined(
        '`validation_failed`: each problem names its field and reason (a query parameter or body field the route does not take is one)',
        route.idempotent && 'an `Idempotency-Key` that is not 1 to 255 printable ASCII characters',
        own[400],
      ),
    },
    ...(jwt
      ? { 401: { body: 'gateway' as const, description: 'No valid bearer token: API Gateway’s JWT authorizer answers `{ "message": "Unauthorized" }` before the route runs' } }
      : own[401]
        ? { 401: { body: 'error' as const, description: `\`unauthenticated\`: ${own[401]}` } }
        : {}),
    ...(jwt || own[403]
      ? { 403: { body: 'error' as const, description: `\`forbidden\`: ${joined(own[403], jwt && 'a valid login of a person with no orderdesk account yet')}` } }
      : {}),
    ...(route.schemas.path || own[404]
      ? { 404: { body: 'error' as const, description: `\`not_found\`: ${own[404] || 'what the path names does not exist, or is not the caller’s to see (never a 403 for that)'}` } }
      : {}),
    ...((jwt && route.access.table === 'readWrite') || own[409]
      ? {
          409: {
            body: 'error' as const,
            description: `\`conflict\`, with \`next\` saying what to do: ${joined(
              own[409],
              route.access.table === 'readWrite' && 'another change of the same thing came first (reload, then try again)',
              route.idempotent && 'an `Idempotency-Key` used before with another body',
            )}`,
          },
        }
      : {}),
    ...(own[410] ? { 410: { body: 'error' as const, description: `\`link_expired\`: ${own[410]}` } } : {}),
    413: {
      body: 'either',
      description: takesBody
        ? `\`payload_too_large\`: the body is over ${kib(maxJsonBodyBytes)}; over ${mib(apiPayloadLimitBytes)} API Gateway answers \`{ "message": "Request Entity Too Large" }\` itself`
        : `\`payload_too_large\`: a body (the route takes none) over ${kib(maxJsonBodyBytes)}; over ${mib(apiPayloadLimitBytes)} API Gateway answers \`{ "message": "Request Entity Too Large" }\` itself`,
    },
    429: { body: 'gateway', description: 'Too many calls to the API at once: API Gateway’s throttle answers `{ "message": "Too Many Requests" }` (not the local API); try again shortly' },
    ...(route.access.table || own[503]
      ? {
          503: {
            body: 'error' as const,
            retryAfter: true,
            description: `\`busy\`, nothing was changed; try again after \`Retry-After\` seconds: ${joined(
              route.access.table && 'the database is throttling (after the SDK’s own retries)',
              own[503],
            )}`,
          },
        }
      : {}),
  };
  for (const [status, words] of Object.entries(own)) if (words === false) delete derived[Number(status) as RefusalStatus];
  return derived;
};
