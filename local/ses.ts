import sesLocal from 'aws-ses-v2-local';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as z from 'zod';
import { listen, readLimited } from './http-server.js';

/** How a fault makes SES answer: throttled and out of service pass on a retry; a rejection never does. */
const FaultKind = z.enum(['throttle', 'outage', 'reject']);
const FaultBody = z.strictObject({ to: z.email(), failures: z.number().int().min(1).max(100), kind: FaultKind.default('outage') });

/** SES v2's own answers for each fault (error type header, status, message). */
const faultAnswers: Record<z.infer<typeof FaultKind>, { status: number; type: string; message: string }> = {
  throttle: { status: 429, type: 'TooManyRequestsException', message: 'Maximum sending rate exceeded.' },
  outage: { status: 503, type: 'ServiceUnavailable', message: 'Service unavailable (a fault injected by the local stack).' },
  reject: { status: 400, type: 'MessageRejected', message: 'Email address is not verified (a fault injected by the local stack).' },
};

const sendPath = '/v2/email/outbound-emails';

const destinationsOf = (body: Buffer): string[] => {
  try {
    const parsed = z.object({ Destination: z.object({ ToAddresses: z.array(z.string()).optional() }).optional() }).parse(JSON.parse(body.toString('utf8')));
    return (parsed.Destination?.ToAddresses ?? []).map((to) => to.toLowerCase());
  } catch {
    return [];
  }
};

/**
 * The SES v2 API (`aws-ses-v2-local`); its page at `/` shows every mail sent, `GET /store`
 * returns them as JSON. It sits behind a small front on the public port that passes everything
 * through, and lets tests make SES fail for one recipient (`POST /_faults`), since the local
 * server itself never fails a valid send: the notifier's retries and parking are tested against
 * the real server's answers otherwise.
 */
export const startSes = async (host: string, port: number) => {
  // A CommonJS module with `exports.default`: Node hands ESM importers its whole `exports`.
  const inner = await sesLocal.default({ host, port: 0 });
  const innerPort = (inner.address() as AddressInfo).port;
  const faults = new Map<string, { remaining: number; kind: z.infer<typeof FaultKind> }>();

  const answer = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

  const front = http.createServer(async (req, res) => {
    try {
      const body = (await readLimited(req, 30 * 1024 * 1024)) ?? Buffer.alloc(0);
      if (req.url === '/_faults') {
        if (req.method === 'DELETE') faults.clear();
        else if (req.method === 'POST') {
          const fault = FaultBody.safeParse(JSON.parse(body.toString('utf8') || '{}'));
          if (!fault.success) return answer(res, 400, { message: z.prettifyError(fault.error) });
          faults.set(fault.data.to.toLowerCase(), { remaining: fault.data.failures, kind: fault.data.kind });
        }
        return answer(res, 200, Object.fromEntries(faults));
      }
      if (req.method === 'POST' && req.url === sendPath) {
        const faulty = destinationsOf(body).map((to) => [to, faults.get(to)] as const).find(([, fault]) => fault && fault.remaining > 0);
        if (faulty) {
          const [to, fault] = faulty;
          if (--fault!.remaining === 0) faults.delete(to);
          const { status, type, message } = faultAnswers[fault!.kind];
          return answer(res, status, { message }, { 'x-amzn-errortype': type });
        }
      }
      const forwarded = http.request({ host, port: innerPort, method: req.method, path: req.url, headers: { ...req.headers, host: `${host}:${innerPort}` } }, (upstream) => {
        res.writeHead(upstream.statusCode ?? 502, upstream.headers);
        upstream.pipe(res);
      });
      forwarded.on('error', (error) => answer(res, 502, { message: error.message }));
      forwarded.end(body);
    } catch (error) {
      answer(res, 400, { message: error instanceof Error ? error.message : String(error) });
    }
  });
  const listening = await listen(front, host, port);
  return {
    endpoint: listening.url,
    stop: async () => {
      await listening.stop();
      inner.closeAllConnections?.();
      await new Promise<void>((resolve) => inner.close(() => resolve()));
    },
  };
};
