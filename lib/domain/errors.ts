import type * as z from 'zod';

/** Named errors of the domain. Each says what went wrong in words a caller can act on; the one
 * place that turns them into HTTP answers is lib/http/error-response.ts. */

export interface FieldProblem {
  /** Where the problem is, e.g. `body.title` or `path.requestId`. */
  field: string;
  reason: string;
}

/** A schema's issues as field problems, under `location` (`body`, `event`): `body.title`. */
export const fieldProblems = (location: string, error: z.ZodError): FieldProblem[] =>
  error.issues.map((issue) => ({
    field: [location, ...issue.path.map(String)].join('.'),
    reason: issue.message,
  }));

export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  constructor(
    readonly problems: FieldProblem[],
    options?: ErrorOptions,
  ) {
    super(`Invalid input: ${problems.map((p) => `${p.field}: ${p.reason}`).join('; ')}`, options);
  }
}

export class UnauthenticatedError extends Error {
  override readonly name = 'UnauthenticatedError';
  constructor(message = 'A valid bearer token is required', options?: ErrorOptions) {
    super(message, options);
  }
}

export class ForbiddenError extends Error {
  override readonly name = 'ForbiddenError';
  constructor(message = 'Your role does not allow this', options?: ErrorOptions) {
    super(message, options);
  }
}

/** Also used for objects that exist but belong to someone else: their existence is not revealed. */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
  constructor(what: string, options?: ErrorOptions) {
    super(`${what} was not found`, options);
  }
}

/** A lost race or a state that no longer allows the action; `next` tells the caller what to do. */
export class ConflictError extends Error {
  override readonly name = 'ConflictError';
  constructor(
    message: string,
    readonly next: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export class PayloadTooLargeError extends Error {
  override readonly name = 'PayloadTooLargeError';
  constructor(limitBytes: number, options?: ErrorOptions) {
    super(`The request body exceeds ${limitBytes} bytes`, options);
  }
}

/** A dependency is throttling us or is briefly unavailable: nothing was changed, try again later. */
export class ServiceBusyError extends Error {
  override readonly name = 'ServiceBusyError';
  constructor(
    message = 'The service is busy right now; nothing was changed',
    readonly retryAfterSeconds = 1,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
