import { describe, expect, it } from 'vitest';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  PayloadTooLargeError,
  UnauthenticatedError,
  ValidationError,
} from '../../../lib/domain/errors.js';
import { errorAnswer } from '../../../lib/http/error-response.js';

describe('errorAnswer', () => {
  it.each([
    [new ValidationError([{ field: 'body.title', reason: 'too short' }]), 400, 'validation_failed'],
    [new UnauthenticatedError(), 401, 'unauthenticated'],
    [new ForbiddenError(), 403, 'forbidden'],
    [new NotFoundError('Request 2026-0001'), 404, 'not_found'],
    [new ConflictError('The offer changed', 'reload the request and try again'), 409, 'conflict'],
    [new PayloadTooLargeError(10), 413, 'payload_too_large'],
  ])('maps %s to its status', (error, status, code) => {
    const answer = errorAnswer(error, 'req-1');
    expect(answer.statusCode).toBe(status);
    expect(answer.body.error.code).toBe(code);
    expect(answer.body.error.requestId).toBe('req-1');
    expect(answer.expected).toBe(true);
  });

  it('gives field problems with a validation error and the next step with a conflict', () => {
    expect(errorAnswer(new ValidationError([{ field: 'body.title', reason: 'too short' }])).body.error.details).toEqual([
      { field: 'body.title', reason: 'too short' },
    ]);
    expect(errorAnswer(new ConflictError('lost', 'reload and retry')).body.error.next).toBe('reload and retry');
  });

  it('answers an unknown error with a 500 that reveals nothing of it', () => {
    const answer = errorAnswer(new Error('password=hunter2 in SELECT'), 'req-2');
    expect(answer.statusCode).toBe(500);
    expect(answer.expected).toBe(false);
    expect(JSON.stringify(answer.body)).not.toMatch(/hunter2|SELECT/);
  });
});
