import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { routes } from '../../../lib/http/routes.js';
import { apiClient, newInquiry, ok, pathOf, queryOf, undocumented, type DataOf } from '../../support/api-client.js';

/** The API's answers of this test, one per call, and what the client sent. */
const answering = (...answers: { status: number; body?: unknown }[]) => {
  const sent: { url: string; method: string; headers: Record<string, string>; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      sent.push({ url, method: String(init.method), headers: init.headers as Record<string, string>, body: init.body });
      const answer = answers.shift() ?? { status: 500, body: { error: { code: 'internal_error', message: 'no answer left' } } };
      const text = answer.body === undefined ? null : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
      return new Response(text, { status: answer.status });
    }),
  );
  return sent;
};

afterEach(() => {
  vi.unstubAllGlobals();
});

const api = apiClient('http://api.test', 'token');
const health = { status: 'ok', service: 'orderdesk', stage: 'local', time: '2026-01-01T00:00:00.000Z' };

describe('pathOf', () => {
  it('puts each value in place of its {parameter}, percent-encoded', () => {
    expect(pathOf('/health')).toBe('/health');
    expect(pathOf('/requests/{requestId}', { requestId: '2026-0042' })).toBe('/requests/2026-0042');
    expect(pathOf('/requests/{requestId}/participants/{userId}', { requestId: '2026-0042', userId: 'a/b c?d%' })).toBe(
      '/requests/2026-0042/participants/a%2Fb%20c%3Fd%25',
    );
  });

  it('refuses a missing value and a value of no parameter', () => {
    expect(() => pathOf('/requests/{requestId}', {})).toThrow('/requests/{requestId} needs a value for {requestId}');
    expect(() => pathOf('/requests/{requestId}', { requestId: '2026-0042', orgId: 'x' })).toThrow('/requests/{requestId} has no {orgId}');
  });
});

describe('queryOf', () => {
  it('is empty without values', () => {
    expect(queryOf()).toBe('');
    expect(queryOf({})).toBe('');
    expect(queryOf({ cursor: undefined })).toBe('');
  });

  it('stringifies and percent-encodes the values that are there, in order', () => {
    expect(queryOf({ status: 'submitted', limit: 10, cursor: undefined, q: 'Úprava a&b=c' })).toBe('?status=submitted&limit=10&q=%C3%9Aprava%20a%26b%3Dc');
    expect(queryOf({ membersMayRank: false })).toBe('?membersMayRank=false');
  });
});

describe('undocumented', () => {
  it('names the fields that parsing dropped, however deep', () => {
    const raw = { items: [{ requestId: 'a', rank: 'a0' }, { requestId: 'b' }], nextCursor: 'c', extra: { x: 1 } };
    const parsed = { items: [{ requestId: 'a' }, { requestId: 'b', allowedActions: [] }], nextCursor: 'c' };
    expect(undocumented(raw, parsed)).toEqual(['items[0].rank', 'extra']);
    expect(undocumented(raw, raw)).toEqual([]);
    expect(undocumented('x', 'x')).toEqual([]);
  });
});

describe('send', () => {
  it('builds the URL from the route and sends the body as JSON', async () => {
    const sent = answering({ status: 400, body: { error: { code: 'validation_failed', message: 'no' } } }, { status: 403, body: { error: { code: 'forbidden', message: 'no' } } });
    await api.send(routes.listTimeline, { path: { requestId: '2026-0042' }, query: { limit: 2, cursor: undefined } });
    await api.send(routes.createRequest, { body: newInquiry('Test'), headers: { 'idempotency-key': 'k-1' } });
    expect(sent.map(({ method, url }) => `${method} ${url}`)).toEqual(['GET http://api.test/requests/2026-0042/timeline?limit=2', 'POST http://api.test/requests']);
    expect(sent[0]!.body).toBeUndefined();
    expect(sent[0]!.headers).toEqual({ authorization: 'Bearer token' });
    expect(sent[1]!.headers).toEqual({ authorization: 'Bearer token', 'content-type': 'application/json', 'idempotency-key': 'k-1' });
    expect(JSON.parse(String(sent[1]!.body))).toEqual(newInquiry('Test'));
  });

  it('parses the success status with the route’s response schema, and ok() returns the data', async () => {
    answering({ status: 200, body: health });
    const answer = await api.send(routes.health);
    expect(answer).toEqual({ status: 200, data: health });
    expect(ok(answer)).toEqual(health);
  });

  it('fails on a success answer that breaks the response schema', async () => {
    answering({ status: 200, body: { ...health, status: 'down' } });
    await expect(api.send(routes.health)).rejects.toThrow(/GET \/health answered 200 with a body that breaks its response schema:[^]*status/);
  });

  it('fails on a success answer with fields its response schema does not document', async () => {
    answering({ status: 200, body: { ...health, secret: 'x' } });
    await expect(api.send(routes.health)).rejects.toThrow('GET /health answered 200 with fields its response schema does not document (it has additionalProperties: false): secret');
  });

  it('parses any other status as an error, and ok() fails showing the status and the error', async () => {
    const error = { code: 'not_found', message: 'There is no request 2026-0042.', requestId: 'r-1' };
    answering({ status: 404, body: { error } });
    const answer = await api.send(routes.getRequest, { path: { requestId: '2026-0042' } });
    expect(answer).toEqual({ status: 404, error });
    expect(() => ok(answer)).toThrow('GET /requests/{requestId} answered 404, not 200: {"code":"not_found","message":"There is no request 2026-0042.","requestId":"r-1"}');
  });

  it('fails on an error answer with fields the error schema does not have, or of another shape', async () => {
    answering({ status: 404, body: { error: { code: 'not_found', message: 'no', request: { title: 'Secret' } } } }, { status: 500, body: 'crashed' });
    await expect(api.send(routes.getMe)).rejects.toThrow(/GET \/me answered 404 \(it answers 200 on success\) with a body that is no documented error/);
    await expect(api.send(routes.getMe)).rejects.toThrow(/GET \/me answered 500 with a body that is not JSON/);
  });

  it('tells API Gateway’s own refusals apart', async () => {
    answering({ status: 401, body: { message: 'Unauthorized' } });
    const answer = await api.send(routes.getMe);
    expect(answer).toEqual({ status: 401, gatewayMessage: 'Unauthorized' });
    expect(() => ok(answer)).toThrow('GET /me answered 401, not 200: API Gateway: Unauthorized');
  });

  it('gives no data for 204', async () => {
    answering({ status: 204 });
    const answer = await api.send(routes.removeParticipant, { path: { requestId: '2026-0042', userId: 'u-1' } });
    expect(answer).toEqual({ status: 204 });
    expect(ok(answer)).toBeUndefined();
  });

  it('ok() takes only answers of send', () => {
    expect(() => ok({ status: 200, data: health })).toThrow('ok() takes an answer of client.send()');
  });
});

describe('the types of send', () => {
  it('give typed data and refuse input the route does not take (checked by tsc)', () => {
    // Never called: only compiled, so that `npx tsc -p .` checks the lines marked as errors.
    const compileOnly = async () => {
      const created = ok(await api.send(routes.createRequest, { body: newInquiry() }));
      expectTypeOf(created).toEqualTypeOf<DataOf<typeof routes.createRequest>>();
      expectTypeOf(created.requestId).toEqualTypeOf<string>();
      expectTypeOf(ok(await api.send(routes.removeParticipant, { path: { requestId: 'x', userId: 'y' } }))).toEqualTypeOf<void>();
      await api.send(routes.cancelRequest, { path: { requestId: 'x' } });
      await api.send(routes.listRequests, { query: { status: 'submitted', limit: 10 } });
      await api.send(routes.listRequests);

      // @ts-expect-error a title is a string
      await api.send(routes.createRequest, { body: { ...newInquiry(), title: 42 } });
      // @ts-expect-error no such request type
      await api.send(routes.createRequest, { body: { ...newInquiry(), type: 'wish' } });
      // @ts-expect-error an unknown field
      await api.send(routes.createRequest, { body: { ...newInquiry(), status: 'accepted' } });
      // @ts-expect-error a new request needs its body
      await api.send(routes.createRequest);
      // @ts-expect-error a move takes one of before, after or to, and `to` only top or bottom
      await api.send(routes.moveRequest, { path: { requestId: 'x' }, body: { to: 'middle' } });
      // @ts-expect-error GET /requests/{requestId} needs its path
      await api.send(routes.getRequest);
      // @ts-expect-error a path parameter of another name
      await api.send(routes.getRequest, { path: { id: 'x' } });
      // @ts-expect-error GET /me takes no body
      await api.send(routes.getMe, { body: {} });
      // @ts-expect-error GET /me takes no path
      await api.send(routes.getMe, { path: { requestId: 'x' } });
      // @ts-expect-error no such status
      await api.send(routes.listRequests, { query: { status: 'lost' } });
    };
    expect(compileOnly).toBeTypeOf('function');
  });
});
