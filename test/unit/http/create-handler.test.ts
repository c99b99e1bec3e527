import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { ConflictError } from '../../../lib/domain/errors.js';
import { createHandler } from '../../../lib/http/create-handler.js';
import { defineRoute } from '../../../lib/http/route.js';
import { apiEvent, lambdaContext } from '../../support/lambda.js';

const route = defineRoute({
  name: 'echo',
  method: 'POST',
  path: '/echo',
  auth: 'jwt',
  summary: 'echo',
  tag: 'test',
  status: 201,
  schemas: { body: z.strictObject({ text: z.string().max(5) }), response: z.object({ text: z.string(), by: z.string() }) },
  access: {},
});

const echo = createHandler(route)(async ({ body, identity }) => {
  if (body.text === 'race') throw new ConflictError('Someone else changed it', 'reload and retry');
  if (body.text === 'boom') throw new TypeError('undefined is not a function at secret.ts:12');
  return { text: body.text, by: identity.userId };
});

const call = async (body: string, claims: Record<string, string> | null = { sub: 'user-1' }) => {
  const result = await echo(apiEvent({ body, headers: { 'content-type': 'application/json' }, claims: claims ?? undefined }), lambdaContext());
  return { status: result.statusCode, body: JSON.parse(result.body ?? '{}') as unknown, headers: result.headers };
};

describe('createHandler', () => {
  it('answers with the route status and the implementation result as JSON', async () => {
    const answer = await call('{"text":"hi"}');
    expect(answer).toMatchObject({ status: 201, body: { text: 'hi', by: 'user-1' } });
    expect(answer.headers).toMatchObject({ 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  });

  it('answers 400 with the field and reason for invalid input', async () => {
    const answer = await call('{"text":"too long"}');
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: { code: 'validation_failed', details: [{ field: 'body.text' }] } });
  });

  it('answers 401 on a protected route that arrives without claims', async () => {
    expect((await call('{"text":"hi"}', null)).status).toBe(401);
  });

  it('maps a named domain error to its status with the next step', async () => {
    const answer = await call('{"text":"race"}');
    expect(answer).toMatchObject({ status: 409, body: { error: { code: 'conflict', next: 'reload and retry' } } });
  });

  it('turns an unexpected error into a 500 that leaks nothing and carries the request id', async () => {
    const answer = await call('{"text":"boom"}');
    expect(answer.status).toBe(500);
    expect(JSON.stringify(answer.body)).not.toMatch(/secret|undefined is not/);
    expect(answer.body).toMatchObject({ error: { requestId: 'aws-request-1' } });
  });
});
