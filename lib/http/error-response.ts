import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  PayloadTooLargeError,
  ServiceBusyError,
  UnauthenticatedError,
  ValidationError,
} from '../domain/errors.js';
import { LinkExpiredError } from '../domain/mail/signed-token.js';
import type { ErrorBody } from './schemas/error.js';

export interface ErrorAnswer {
  statusCode: number;
  body: ErrorBody;
  /** Unexpected errors are logged with their stack; expected ones are the caller's to fix. */
  expected: boolean;
  headers?: Record<string, string>;
}

/** The one place where errors become HTTP statuses. Anything unknown is a 500 that reveals nothing. */
export const errorAnswer = (error: unknown, requestId?: string): ErrorAnswer => {
  const answer = (statusCode: number, code: string, message: string, extra: Partial<ErrorBody['error']> = {}) => ({
    statusCode,
    expected: true,
    body: { error: { code, message, ...extra, requestId } },
  });
  if (error instanceof ValidationError) {
    return answer(400, 'validation_failed', error.message, { details: error.problems });
  }
  if (error instanceof UnauthenticatedError) return answer(401, 'unauthenticated', error.message);
  if (error instanceof ForbiddenError) return answer(403, 'forbidden', error.message);
  if (error instanceof NotFoundError) return answer(404, 'not_found', error.message);
  if (error instanceof ConflictError) return answer(409, 'conflict', error.message, { next: error.next });
  if (error instanceof LinkExpiredError) return answer(410, 'link_expired', error.message, { next: 'Log in to the portal to open the request' });
  if (error instanceof PayloadTooLargeError) return answer(413, 'payload_too_large', error.message);
  if (error instanceof ServiceBusyError) {
    const retryAfter = String(Math.max(1, Math.ceil(error.retryAfterSeconds)));
    return { ...answer(503, 'busy', error.message, { next: `Try again in ${retryAfter} s` }), headers: { 'retry-after': retryAfter } };
  }
  return {
    statusCode: 500,
    expected: false,
    body: { error: { code: 'internal_error', message: 'Something went wrong on our side; it was logged.', requestId } },
  };
};

/**
 * A call no route of the table takes (API Gateway's `$default` route, the local API's fallback),
 * in the shape of every other refusal: 405 with `Allow` when its path has routes of other methods,
 * 404 when it has none.
 */
export const noRouteAnswer = (method: string, path: string, allowed: readonly string[], requestId?: string): ErrorAnswer => {
  const shown = path.length > 200 ? `${path.slice(0, 200)}…` : path;
  if (allowed.length > 0) {
    return {
      statusCode: 405,
      expected: true,
      body: { error: { code: 'method_not_allowed', message: `${shown} takes ${allowed.join(', ')}, not ${method}`, requestId } },
      headers: { allow: allowed.join(', ') },
    };
  }
  return { statusCode: 404, expected: true, body: { error: { code: 'not_found', message: `There is no route ${method} ${shown}`, requestId } } };
};
