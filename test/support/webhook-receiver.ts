import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One delivery as the receiver got it. */
export interface Received {
  headers: Record<string, string>;
  body: string;
  /** The body as JSON (orderdesk's events are). */
  event: { type: string; data: { entryId: string; request: { requestId: string; orgId: string; status: string }; status?: string; links: { portal: string; api: string } } & Record<string, unknown> };
}

/**
 * A webhook receiver on 127.0.0.1 for tests: keeps every delivery, answers `status` (204 unless
 * told otherwise; change it with `answer`). `url` is what to subscribe.
 */
export const startReceiver = async (status = 204) => {
  const received: Received[] = [];
  let answerWith = status;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)]));
      received.push({ headers, body, event: JSON.parse(body) as Received['event'] });
      response.writeHead(answerWith).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    /** What it got about one request. */
    about: (requestId: string) => received.filter((one) => one.event.data?.request?.requestId === requestId),
    answer: (next: number) => {
      answerWith = next;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())).then(() => server.closeAllConnections()),
  };
};

export type Receiver = Awaited<ReturnType<typeof startReceiver>>;
