import { describe, expect, it } from 'vitest';
import { handler } from '../../../functions/no-route.js';
import { ErrorBody } from '../../../lib/http/schemas/error.js';
import { apiEvent, lambdaContext } from '../../support/lambda.js';

const call = (method: string, path: string) =>
  handler(
    apiEvent({ routeKey: '$default', rawPath: path, requestContext: { ...apiEvent().requestContext, http: { ...apiEvent().requestContext.http, method, path }, requestId: 'gw-1' } }),
    lambdaContext(),
  );

describe('a call of no route', () => {
  it('is a 404 in the documented error shape, not API Gateway’s {"message":"Not Found"}', async () => {
    const answer = await call('GET', '/nothing-here');
    expect(answer.statusCode).toBe(404);
    expect(answer.headers).toMatchObject({ 'content-type': 'application/json; charset=utf-8' });
    const body = ErrorBody.parse(JSON.parse(answer.body!));
    expect(body).toEqual({ error: { code: 'not_found', message: 'There is no route GET /nothing-here', requestId: 'gw-1' } });
  });

  it('is a 405 naming the methods its path has', async () => {
    const answer = await call('GET', '/requests/2026-0001/cancel');
    expect(answer.statusCode).toBe(405);
    expect(answer.headers).toMatchObject({ allow: 'POST' });
    expect(JSON.parse(answer.body!)).toEqual({ error: { code: 'method_not_allowed', message: '/requests/2026-0001/cancel takes POST, not GET', requestId: 'gw-1' } });
    expect((await call('PATCH', '/requests/2026-0001/mute')).headers).toMatchObject({ allow: 'PUT, DELETE' });
  });

  it('says a long path only in part', async () => {
    const answer = await call('GET', `/${'x'.repeat(5000)}`);
    expect(JSON.parse(answer.body!).error.message).toHaveLength('There is no route GET '.length + 201);
  });
});
