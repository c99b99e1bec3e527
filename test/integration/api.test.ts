import { Validator } from '@seriousme/openapi-schema-validator';
import { SignJWT, generateKeyPair } from 'jose';
import http from 'node:http';
import { describe, expect, inject, it } from 'vitest';
import { apiPayloadLimitBytes } from '../../lib/config/limits.js';
import { routeList } from '../../lib/http/routes.js';
import { logIn } from '../../local/cognito.js';
import { demoUsers } from '../../local/demo-data.js';

const stack = inject('stack');
const api = (path: string, init?: RequestInit) => fetch(`${stack.apiUrl}${path}`, init);
const tokenOf = (email: string, platform: 'azami' | 'digimadi' = 'azami') => {
  const user = demoUsers.find((u) => u.email === email)!;
  return logIn(stack.cognitoUrl, stack.userPool.appClientIds[platform], user.email, user.password);
};

describe('the local API', () => {
  it('answers GET /health without a token', async () => {
    const response = await api('/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', service: 'orderdesk', stage: 'local' });
  });

  it('refuses GET /me without a token, with a malformed one and with one signed by someone else', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ sub: 'x', aud: stack.userPool.appClientIds.azami })
      .setProtectedHeader({ alg: 'RS256', kid: 'CognitoLocal' })
      .setIssuer(stack.userPool.issuer)
      .setExpirationTime('1h')
      .sign(privateKey);
    for (const authorization of [undefined, 'Bearer nonsense', `Bearer ${forged}`]) {
      const response = await api('/me', { headers: authorization ? { authorization } : {} });
      expect(response.status, authorization ?? 'no token').toBe(401);
      expect(await response.json()).toEqual({ message: 'Unauthorized' });
    }
  });

  it.each(demoUsers.map((u) => [u.role, u] as const))('answers GET /me for the demo %s with that user', async (_role, user) => {
    const response = await api('/me', { headers: { authorization: `Bearer ${await tokenOf(user.email)}` } });
    expect(response.status).toBe(200);
    const me = (await response.json()) as Record<string, unknown>;
    expect(me).toMatchObject({ email: user.email, name: user.name, role: user.role, platform: 'azami' });
    expect(me.orgId).toBe(user.orgId);
    expect(me.userId).toEqual(expect.any(String));
  });

  it('tells the platform from the app client that issued the token', async () => {
    const response = await api('/me', { headers: { authorization: `Bearer ${await tokenOf(demoUsers[0]!.email, 'digimadi')}` } });
    expect(await response.json()).toMatchObject({ platform: 'digimadi' });
  });

  it('serves a valid OpenAPI 3.1 document listing every route, and a reference page', async () => {
    const document = (await (await api('/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    const result = await new Validator().validate(document);
    expect(result.valid).toBe(true);
    for (const route of routeList) expect(document.paths[route.path]).toHaveProperty(route.method.toLowerCase());
    const docs = await api('/docs');
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('/openapi.json');
    expect((await api('/docs/swagger-ui-bundle.js')).status).toBe(200);
  });

  it('answers a call of no route in the documented error shape, as API Gateway’s $default route does: 404, or 405 naming the methods the path has', async () => {
    const response = await api('/nothing-here');
    expect(response.status).toBe(404);
    expect(response.headers.get('apigw-requestid')).toBeTruthy();
    expect(await response.json()).toEqual({ error: { code: 'not_found', message: 'There is no route GET /nothing-here', requestId: response.headers.get('apigw-requestid') } });
    const wrongMethod = await api('/unsubscribe/abc.def', { method: 'PUT' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST, GET');
    expect(await wrongMethod.json()).toMatchObject({ error: { code: 'method_not_allowed' } });
  });

  it('answers a CORS preflight from the portal origin and each brand host, and from no other', async () => {
    const { portalUrl, portalUrls } = inject('stack');
    for (const origin of [portalUrl, portalUrls.azami, portalUrls.digimadi]) {
      const response = await api('/me', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'GET' } });
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(origin);
      expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
    }
    const stranger = await api('/me', { method: 'OPTIONS', headers: { origin: 'http://evil.localhost:5173', 'access-control-request-method': 'GET' } });
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
    // The portal may read a call's id, which the logs and the access log name it by.
    const call = await api('/health', { headers: { origin: portalUrls.azami } });
    expect(call.headers.get('access-control-expose-headers')).toContain('apigw-requestid');
    expect(call.headers.get('apigw-requestid')).toBeTruthy();
  });

  it('refuses a body above the API Gateway payload limit with 413', async () => {
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const body = Buffer.alloc(apiPayloadLimitBytes + 1, 32);
      // Node's client sends no length for a GET body unless told to.
      const headers = { 'content-type': 'application/json', 'content-length': String(body.length) };
      const request = http.request(`${stack.apiUrl}/health`, { method: 'GET', headers }, (response) => {
        response.resume();
        resolve(response.statusCode);
      });
      request.on('error', reject);
      request.end(body);
    });
    expect(status).toBe(413);
  });

  it('names each call by API Gateway’s request id: its apigw-requestid header, the entry it writes, and an error’s requestId', async () => {
    const headers = { authorization: `Bearer ${await tokenOf('jana.novakova@acme.example')}`, 'content-type': 'application/json' };
    const filed = await api('/requests', { method: 'POST', headers, body: JSON.stringify({ type: 'inquiry', title: 'Korelace', description: 'Které volání to bylo?', platform: 'azami' }) });
    expect(filed.status).toBe(201);
    const callId = filed.headers.get('apigw-requestid');
    expect(callId).toMatch(/^[0-9a-f-]{36}$/);
    const { requestId } = (await filed.json()) as { requestId: string };
    const timeline = await api(`/requests/${requestId}/timeline`, { headers });
    const { items } = (await timeline.json()) as { items: { kind: string; correlationId?: string }[] };
    expect(items).toEqual([expect.objectContaining({ kind: 'request_created', correlationId: callId })]);
    // The timeline's own answer is another call, with an id of its own.
    expect(timeline.headers.get('apigw-requestid')).not.toBe(callId);

    const refused = await api('/requests/2099-9999', { headers });
    expect(refused.status).toBe(404);
    const { error } = (await refused.json()) as { error: { requestId?: string } };
    expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(error.requestId).toBe(refused.headers.get('apigw-requestid'));
  });
});

describe('the local mail server', () => {
  it('answers its inbox page and its JSON store', async () => {
    expect((await fetch(stack.mailUrl)).status).toBe(200);
    const store = (await (await fetch(`${stack.mailUrl}/store`)).json()) as { emails: unknown[] };
    expect(Array.isArray(store.emails)).toBe(true);
  });
});
