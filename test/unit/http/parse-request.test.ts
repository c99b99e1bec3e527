import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { PayloadTooLargeError, ValidationError } from '../../../lib/domain/errors.js';
import { maxJsonBodyBytes, parseRequest } from '../../../lib/http/parse-request.js';

const schemas = {
  path: z.object({ requestId: z.string().regex(/^r-\d+$/) }),
  query: z.strictObject({ limit: z.coerce.number().int().max(100).optional() }),
  body: z.strictObject({ title: z.string().min(3) }),
  response: z.object({}),
};

const event = (overrides: Partial<APIGatewayProxyEventV2>): APIGatewayProxyEventV2 =>
  ({
    headers: { 'content-type': 'application/json' },
    pathParameters: { requestId: 'r-1' },
    body: JSON.stringify({ title: 'Fix login' }),
    isBase64Encoded: false,
    ...overrides,
  }) as APIGatewayProxyEventV2;

const problemsOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof ValidationError) return error.problems;
    throw error;
  }
  throw new Error('expected a ValidationError');
};

describe('parseRequest', () => {
  it('returns typed path, query and body for valid input', () => {
    const parsed = parseRequest(schemas, event({ queryStringParameters: { limit: '20' } }));
    expect(parsed).toEqual({ path: { requestId: 'r-1' }, query: { limit: 20 }, body: { title: 'Fix login' } });
  });

  it('names every invalid field with its reason at once', () => {
    const problems = problemsOf(() =>
      parseRequest(schemas, event({ pathParameters: { requestId: 'x' }, queryStringParameters: { limit: '500' }, body: '{"title":"a"}' })),
    );
    expect(problems.map((p) => p.field).sort()).toEqual(['body.title', 'path.requestId', 'query.limit']);
    expect(problems.every((p) => p.reason.length > 0)).toBe(true);
  });

  it('rejects unknown body fields and unknown query parameters', () => {
    const problems = problemsOf(() =>
      parseRequest(schemas, event({ queryStringParameters: { stauts: 'open' }, body: '{"title":"Fix login","admin":true}' })),
    );
    expect(problems.map((p) => p.field).sort()).toEqual(['body', 'query']);
    expect(problems.map((p) => p.reason).join(' ')).toMatch(/admin/);
  });

  it('refuses a body that is not JSON', () => {
    expect(problemsOf(() => parseRequest(schemas, event({ body: '{"title":' })))).toEqual([{ field: 'body', reason: 'is not valid JSON' }]);
  });

  it('refuses a body sent with another content type', () => {
    const problems = problemsOf(() => parseRequest(schemas, event({ headers: { 'content-type': 'text/plain' } })));
    expect(problems).toEqual([{ field: 'headers.content-type', reason: 'must be application/json' }]);
  });

  it('decodes a base64 body', () => {
    const body = Buffer.from(JSON.stringify({ title: 'Řešení' })).toString('base64');
    expect(parseRequest(schemas, event({ body, isBase64Encoded: true })).body).toEqual({ title: 'Řešení' });
  });

  it('refuses an oversized body before parsing it', () => {
    const body = JSON.stringify({ title: 'x'.repeat(maxJsonBodyBytes) });
    expect(() => parseRequest(schemas, event({ body }))).toThrow(PayloadTooLargeError);
  });

  it('refuses input a route does not take', () => {
    const problems = problemsOf(() => parseRequest({ response: z.object({}) }, event({ pathParameters: undefined })));
    expect(problems).toEqual([{ field: 'body', reason: 'is not accepted by this route' }]);
  });
});
