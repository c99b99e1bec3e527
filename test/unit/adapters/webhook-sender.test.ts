import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { httpWebhookSender } from '../../../lib/adapters/http/webhook-sender.js';
import type { AddressResolver } from '../../../lib/services/ports/webhooks.js';

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve())))));
});

/** A receiver on 127.0.0.1 doing `answer`; counts the requests it got. */
const receiver = async (answer: (request: http.IncomingMessage, response: http.ServerResponse) => void) => {
  const got: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      got.push({ headers: request.headers, body: Buffer.concat(chunks).toString() });
      answer(request, response);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, got };
};

/** A resolver answering fixed addresses for every name, counting the questions. */
const resolving = (...addresses: string[]) => {
  const asked: string[] = [];
  const resolver: AddressResolver = { resolve: async (name) => (asked.push(name), addresses) };
  return { resolver, asked };
};

const loopbackAllowed = () => true;
const headers = { 'webhook-id': 'msg_1', 'webhook-timestamp': '1767225600', 'webhook-signature': 'v1,abc' };

describe('the webhook sender', () => {
  it('posts the body with the signature headers to the address the name resolved to, and answers the status', async () => {
    const { port, got } = await receiver((_request, response) => response.writeHead(204).end());
    const { resolver, asked } = resolving('127.0.0.1');
    const sender = httpWebhookSender({ resolver, allowLoopbackHttp: loopbackAllowed });
    const attempt = await sender.post(`http://localhost:${port}/hooks`, headers, '{"type":"request.created"}');
    expect(attempt).toMatchObject({ status: 204 });
    expect(attempt.error).toBeUndefined();
    expect(asked).toEqual(['localhost']);
    expect(got).toHaveLength(1);
    expect(got[0]!.headers).toMatchObject({ ...headers, 'content-length': '26' });
    expect(got[0]!.body).toBe('{"type":"request.created"}');
  });

  it('refuses a name that resolves to a private address before connecting', async () => {
    const { port, got } = await receiver((_request, response) => response.writeHead(204).end());
    for (const addresses of [['10.0.0.7'], ['93.184.216.34', '169.254.169.254'], ['::1']]) {
      const sender = httpWebhookSender({ resolver: resolving(...addresses).resolver, allowLoopbackHttp: () => false });
      expect(await sender.post(`https://hooks.example:${port}/`, headers, '{}'), addresses.join()).toMatchObject({ error: 'refused_address' });
    }
    // Loopback too, where it is not allowed (anywhere but the local stack), and plain http anywhere but loopback locally.
    const strict = httpWebhookSender({ resolver: resolving('127.0.0.1').resolver, allowLoopbackHttp: () => false });
    expect(await strict.post(`http://127.0.0.1:${port}/`, headers, '{}')).toMatchObject({ error: 'refused_url' });
    expect(got).toEqual([]);
  });

  it('counts a redirect as a failed try and does not follow it', async () => {
    const { port, got } = await receiver((_request, response) => response.writeHead(307, { location: 'http://169.254.169.254/latest/meta-data' }).end());
    const sender = httpWebhookSender({ resolver: resolving('127.0.0.1').resolver, allowLoopbackHttp: loopbackAllowed });
    expect(await sender.post(`http://127.0.0.1:${port}/`, headers, '{}')).toMatchObject({ status: 307, error: 'redirect' });
    expect(got).toHaveLength(1);
  });

  it('gives up on a receiver slower than its timeout', async () => {
    const { port } = await receiver(() => undefined);
    const sender = httpWebhookSender({ resolver: resolving('127.0.0.1').resolver, allowLoopbackHttp: loopbackAllowed, timeoutMs: 150 });
    const attempt = await sender.post(`http://127.0.0.1:${port}/`, headers, '{}');
    expect(attempt).toMatchObject({ error: 'timeout' });
    expect(attempt.status).toBeUndefined();
    expect(attempt.ms).toBeGreaterThanOrEqual(140);
    expect(attempt.ms).toBeLessThan(2000);
  });

  it('reads at most its cap of an endless answer, then stops', async () => {
    let written = 0;
    const { port } = await receiver((_request, response) => {
      response.writeHead(200);
      const chunk = Buffer.alloc(64 * 1024, 120);
      // Writes for as long as the connection stays open.
      const pump = () => {
        while (!response.destroyed && response.write(chunk)) written += chunk.length;
        if (!response.destroyed) response.once('drain', pump);
      };
      pump();
    });
    const sender = httpWebhookSender({ resolver: resolving('127.0.0.1').resolver, allowLoopbackHttp: loopbackAllowed, timeoutMs: 3000, maxAnswerBytes: 256 * 1024 });
    const attempt = await sender.post(`http://127.0.0.1:${port}/`, headers, '{}');
    expect(attempt).toMatchObject({ status: 200 });
    expect(attempt.error).toBeUndefined();
    expect(written).toBeLessThan(64 * 1024 * 1024);
  });

  it('answers a connection refused or a name that does not resolve as a failed try, never throwing', async () => {
    const { port } = await receiver(() => undefined);
    await new Promise<void>((resolve) => servers.pop()!.close(() => resolve()));
    const sender = httpWebhookSender({ resolver: resolving('127.0.0.1').resolver, allowLoopbackHttp: loopbackAllowed });
    expect(await sender.post(`http://127.0.0.1:${port}/`, headers, '{}')).toMatchObject({ error: 'connection_refused' });
    const nowhere = httpWebhookSender({ resolver: resolving().resolver, allowLoopbackHttp: () => false });
    expect(await nowhere.post('https://no-such-host.example/', headers, '{}')).toMatchObject({ error: 'dns' });
    const broken = httpWebhookSender({ resolver: { resolve: () => Promise.reject(new Error('EAI_AGAIN')) }, allowLoopbackHttp: () => false });
    expect(await broken.post('https://hooks.example/', headers, '{}')).toMatchObject({ error: 'dns' });
  });
});
