import sesLocal from 'aws-ses-v2-local';
import { clearStore, getStoreReadonly, type Email } from 'aws-ses-v2-local/dist/store.js';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
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

/** Where the mails a stack sent are kept: one JSON line per mail, as the SES server stores it. */
export const sentMailFile = (dataDir: string) => path.join(dataDir, 'ses', 'sent.jsonl');

/** What a kept line must have to go back into the store (the rest is the server's own shape, kept as it was). */
const KeptMail = z.looseObject({ messageId: z.string(), at: z.number() });

/**
 * The mails kept under the data dir, in the order they were sent. A line that does not parse (the
 * stack was killed while writing it) is left out, and the file is written again without it, so
 * the next mail does not land on the same line.
 */
const readKeptMail = (file: string, log: (line: string) => void): Email[] => {
  if (!fs.existsSync(file)) return [];
  const lines = fs.readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '');
  const kept = lines.flatMap((line) => {
    try {
      const parsed = KeptMail.safeParse(JSON.parse(line));
      return parsed.success ? [parsed.data as unknown as Email] : [];
    } catch {
      return [];
    }
  });
  if (kept.length < lines.length) {
    log(`mail: left out ${lines.length - kept.length} unreadable lines of ${file}`);
    fs.writeFileSync(file, kept.map((mail) => `${JSON.stringify(mail)}\n`).join(''));
  }
  return kept;
};

/**
 * The SES v2 API (`aws-ses-v2-local`); its page at `/` shows every mail sent, `GET /store`
 * returns them as JSON (`?about=<request number>` or `?to=<address>` only some: the front answers those). It sits behind a small front on the public port that passes everything
 * through, and lets tests make SES fail for one recipient (`POST /_faults`), since the local
 * server itself never fails a valid send: the notifier's retries and parking are tested against
 * the real server's answers otherwise.
 *
 * The server keeps mail in memory only; the front keeps it under the data dir
 * (`sentMailFile`): each mail the server accepted is appended there before the sender gets its
 * answer, and at start the kept mails go back into the server's store, so a restart shows the same
 * inbox (the page, `/store`, `/get-emlContent`), headers and links included. The page's "clear"
 * (`POST /clear-store`) empties the file too.
 */
export const startSes = async (host: string, port: number, dataDir: string, log: (line: string) => void = () => undefined) => {
  const file = sentMailFile(dataDir);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // The server's store is its module's, one per process: this stack's alone, emptied of whatever
  // an earlier start in this process left, then given the kept mails as they were (not through its
  // saveEmail, which would hand them to SMTP again).
  clearStore();
  const store = getStoreReadonly();
  store.emails.push(...readKeptMail(file, log));
  /** How many of the store's mails are in the file: the server only appends, until it is cleared. */
  let keptCount = store.emails.length;
  const keepNewMail = () => {
    const { emails } = getStoreReadonly();
    if (emails.length <= keptCount) return;
    fs.appendFileSync(file, emails.slice(keptCount).map((mail) => `${JSON.stringify(mail)}\n`).join(''));
    keptCount = emails.length;
  };
  const clearKeptMail = () => {
    fs.writeFileSync(file, '');
    keptCount = getStoreReadonly().emails.length;
  };

  // A CommonJS module with `exports.default`: Node hands ESM importers its whole `exports`, while
  // vitest (which runs this in the unit tests) hands over that `default` itself.
  const loaded = sesLocal as unknown;
  const serve = (typeof loaded === 'function' ? loaded : sesLocal.default) as typeof sesLocal.default;
  const inner = await serve({ host, port: 0 });
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
      // Mail about one request (`?about=2026-0042`: its number is in every subject) or to one
      // address (`?to=`), from the store as it stands: a test waiting for a mail reads a few,
      // not the thousands a test run sends (each with its HTML) many times a second.
      const query = new URL(req.url ?? '/', 'http://local').searchParams;
      if (req.method === 'GET' && req.url?.startsWith('/store?') && (query.has('about') || query.has('to'))) {
        const about = query.get('about');
        const to = query.get('to')?.toLowerCase();
        const emails = getStoreReadonly().emails.filter(
          (mail) => (about === null || mail.subject.includes(`[#${about}]`)) && (to === undefined || mail.destination.to.join(',').toLowerCase() === to),
        );
        return answer(res, 200, { emails });
      }
      const forwarded = http.request({ host, port: innerPort, method: req.method, path: req.url, headers: { ...req.headers, host: `${host}:${innerPort}` } }, (upstream) => {
        // The server stored a mail it accepts before it answers: kept before the sender hears of it.
        if (req.method === 'POST') {
          try {
            if (req.url === '/clear-store' && upstream.statusCode === 200) clearKeptMail();
            else keepNewMail();
          } catch (error) {
            log(`mail: could not keep mail in ${file} (it is in memory until the stack stops): ${error instanceof Error ? error.message : String(error)}`);
          }
        }
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
