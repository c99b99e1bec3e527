import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { resolvedRefusal, urlRefusal } from '../../domain/webhooks/address-safety.js';
import type { DeliveryAttempt } from '../../domain/webhooks/delivery.js';
import { deliveryTimeoutMs } from '../../domain/webhooks/webhook-rules.js';
import { traceCall, type Outcome as TraceOutcome } from '../../observability/tracer.js';
import type { AddressResolver, WebhookSender } from '../../services/ports/webhooks.js';

/** A try's limits (the issue's): 5 s for the whole exchange, 256 KB of the answer read at most. */
export const webhookTimeoutMs = deliveryTimeoutMs;
export const maxAnswerBytes = 256 * 1024;

export interface WebhookSenderOptions {
  resolver: AddressResolver;
  /** Whether `http://` to loopback is allowed: the local stack's alone. */
  allowLoopbackHttp: () => boolean;
  timeoutMs?: number;
  maxAnswerBytes?: number;
}

type Outcome = Omit<DeliveryAttempt, 'at'>;

/**
 * Posts deliveries with node:http/https, the SSRF checks first: the URL's rules, then every
 * address its host resolves to now, and the connection made to the address checked (a `lookup`
 * that answers it), so a name that changes its answer between check and connection (DNS
 * rebinding) changes nothing. TLS still checks the certificate against the host name. No
 * redirect is followed (a 3xx is a failed try); 5 s for everything; at most 256 KB of the answer
 * is read, then the connection is dropped. It never throws: a failure is a try with its `error`.
 * When the invocation is traced, a try past the URL's rules is a subsegment (`remote`, the
 * receiver's host and origin: never its path or query, which may hold a token, nor the signature).
 */
export const httpWebhookSender = (options: WebhookSenderOptions): WebhookSender => {
  const timeoutMs = options.timeoutMs ?? webhookTimeoutMs;
  const cap = options.maxAnswerBytes ?? maxAnswerBytes;
  return {
    async post(rawUrl, headers, body) {
      const started = performance.now();
      const took = () => Math.round(performance.now() - started);
      const allowLoopback = options.allowLoopbackHttp();
      if (urlRefusal(rawUrl, allowLoopback)) return { ms: took(), error: 'refused_url' };
      const url = new URL(rawUrl);
      const trace = traceCall(() => ({ name: url.hostname, namespace: 'remote', http: { request: { method: 'POST', url: url.origin } } }));
      const outcome = await tryDelivery(url, headers, body, { ...options, allowLoopback, timeoutMs, cap, took });
      trace?.end(traceOutcome(outcome));
      return outcome;
    },
  };
};

/**
 * A try as its trace records it: the receiver's status (4xx an error, 5xx a fault), or what
 * failed by name. A redirect (not followed) or an address refused on our side is an error; no
 * answer at all (DNS, refused, reset, TLS, timeout) a fault.
 */
const traceOutcome = ({ status, error }: Outcome): TraceOutcome => ({
  ...(status !== undefined ? { status } : {}),
  ...(error ? { failure: { type: error, remote: error !== 'refused_address' } } : {}),
  failureIs: error === 'redirect' || error === 'refused_address' ? 'error' : 'fault',
});

interface TryOptions extends WebhookSenderOptions {
  allowLoopback: boolean;
  timeoutMs: number;
  cap: number;
  took: () => number;
}

/** One try, the URL's own rules passed: the address checks, then the POST. */
const tryDelivery = async (url: URL, headers: Record<string, string>, body: string, options: TryOptions): Promise<Outcome> => {
  const { allowLoopback, timeoutMs, cap, took } = options;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : await options.resolver.resolve(host);
  } catch {
    return { ms: took(), error: 'dns' };
  }
  const refusal = resolvedRefusal(url, addresses, allowLoopback);
  if (refusal) return { ms: took(), error: refusal === 'unresolved' ? 'dns' : 'refused_address' };
  const address = addresses[0]!;
  const family = isIP(address);
  // Every lookup the connection makes answers the address checked above, and nothing else.
  const lookup: LookupFunction = (_hostname, lookupOptions, callback) => {
    if (lookupOptions.all) (callback as unknown as (error: null, addresses: { address: string; family: number }[]) => void)(null, [{ address, family }]);
    else callback(null, address, family);
  };
  return new Promise<Outcome>((resolve) => {
    let settled = false;
    const finish = (outcome: Outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      resolve(outcome);
    };
    const payload = Buffer.from(body, 'utf8');
    const request = (url.protocol === 'https:' ? https : http).request(
      url,
      {
        method: 'POST',
        lookup,
        agent: false,
        headers: { ...headers, 'content-length': String(payload.length), 'user-agent': 'orderdesk-webhooks/1' },
      },
      (response) => {
        const status = response.statusCode ?? 0;
        if (status >= 300 && status < 400) return finish({ ms: took(), status, error: 'redirect' });
        let read = 0;
        response.on('data', (chunk: Buffer) => {
          read += chunk.length;
          // Enough read: the answer's status is what counts, its body only up to the cap.
          if (read >= cap) finish({ ms: took(), status });
        });
        response.on('end', () => finish({ ms: took(), status }));
        response.on('error', () => finish({ ms: took(), status }));
      },
    );
    const timer = setTimeout(() => finish({ ms: took(), error: 'timeout' }), timeoutMs);
    request.on('error', (error: NodeJS.ErrnoException) => finish({ ms: took(), error: error.code === 'ECONNREFUSED' ? 'connection_refused' : error.code?.startsWith('ERR_TLS') || error.code?.includes('CERT') ? 'tls' : 'connection' }));
    request.end(payload);
  });
};
