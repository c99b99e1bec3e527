import http from 'node:http';
import { parseArgs } from 'node:util';
import { Webhook } from 'standardwebhooks';
import * as z from 'zod';

const usage = [
  'usage: npm run webhooks:listen -- [--port 4000] [--secret whsec_…] [--fail]',
  '  a webhook receiver on 127.0.0.1 for the local stack: prints each delivery (id, type,',
  '  request, status) and whether its signature verifies with the standardwebhooks package.',
  '  --secret (or WEBHOOK_SECRET): the subscription’s secret, as its creation answered it;',
  '  --fail: answer 500 to everything, to watch orderdesk retry and then park the deliveries.',
].join('\n');

/** The few fields printed of an event; the rest is printed as it came. */
const Event = z.object({
  type: z.string(),
  data: z.object({ request: z.object({ requestId: z.string(), status: z.string() }).partial().optional(), status: z.string().optional() }).optional(),
});

/** At most this much of a body is read: orderdesk's events are a few KB. */
const maxBody = 1024 * 1024;

const readBody = (request: http.IncomingMessage): Promise<string | undefined> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBody) {
        resolve(undefined);
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });

/** What the signature check says: `ok`, or the verifier's reason (a wrong secret, a timestamp too far from now, …). */
const checkSignature = (secret: string | undefined, body: string, headers: http.IncomingHttpHeaders): string => {
  if (!secret) return 'not checked (no --secret)';
  const wanted = Object.fromEntries(['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((name) => [name, String(headers[name] ?? '')]));
  try {
    new Webhook(secret).verify(body, wanted);
    return 'ok';
  } catch (error) {
    // standardwebhooks compares the timestamp with this machine's clock: a local stack whose business clock was moved signs in its own time.
    return `FAILED: ${error instanceof Error ? error.message : String(error)}`;
  }
};

const main = () => {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '4000' }, secret: { type: 'string' }, fail: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
  });
  const port = z.coerce.number().int().min(1024).max(65535).safeParse(values.port);
  if (values.help || !port.success) {
    console.error(usage);
    process.exit(values.help ? 0 : 2);
  }
  const secret = values.secret ?? process.env.WEBHOOK_SECRET;
  const server = http.createServer((request, response) => {
    void readBody(request).then(
      (body) => {
        if (body === undefined) {
          response.writeHead(413).end();
          return;
        }
        const event = Event.safeParse((() => {
          try {
            return JSON.parse(body) as unknown;
          } catch {
            return undefined;
          }
        })()).data;
        const facts = event ? `${event.type} request ${event.data?.request?.requestId ?? '-'} status ${event.data?.status ?? event.data?.request?.status ?? '-'}` : 'not an orderdesk event';
        const signature = checkSignature(secret, body, request.headers);
        console.log(`${new Date().toISOString()} ${request.method} ${request.url} id ${request.headers['webhook-id'] ?? '-'} ${facts} signature ${signature}${values.fail ? ' → 500 (--fail)' : ''}`);
        response.writeHead(values.fail ? 500 : 204).end();
      },
      () => response.writeHead(400).end(),
    );
  });
  server.listen(port.data, '127.0.0.1', () => {
    console.log(`listening: subscribe http://127.0.0.1:${port.data}/webhooks (POST /webhooks as an agency admin, then pass its secret with --secret)`);
    if (!secret) console.log('no --secret or WEBHOOK_SECRET: signatures are printed unchecked');
  });
};

main();
