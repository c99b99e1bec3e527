import { createHash, createHmac } from 'node:crypto';
import type { Credentials } from './sigv4.js';

/**
 * AWS Signature Version 4 on node:crypto, for every call the functions make to AWS (the JSON APIs
 * through signed-json.ts, S3 through s3-signing.ts). It computes what @smithy/signature-v4 computed
 * for those calls, without that package and the @smithy/core pieces it pulls into each bundle;
 * test/unit/adapters/sigv4-signer.test.ts holds it to the SDK's signer and to AWS's test suite.
 * Synchronous: node:crypto hashes synchronously.
 */

export interface SignableRequest {
  method: string;
  /** The path as sent, already percent-encoded where it must be (`/bucket/P%C5%99ehled.pdf`). */
  path: string;
  /** Names and values as they are meant (not encoded): the signer encodes them for the canonical query. */
  query?: Readonly<Record<string, string | readonly string[]>>;
  /**
   * Every header sent, `host` too (names in any case). An `x-amz-content-sha256` header is the
   * payload's hash as signed (S3's `UNSIGNED-PAYLOAD`, say); without it the body is hashed.
   */
  headers: Readonly<Record<string, string>>;
  body?: string | Uint8Array;
}

export interface SigningContext {
  credentials: Credentials;
  region: string;
  /** The signing name: `dynamodb`, `s3`, `states`… */
  service: string;
  date: Date;
  /**
   * Every service but S3 signs the path normalised (`.`, `..` and empty segments dropped) and
   * encoded once more ("double-encoded"); S3 signs it exactly as sent. Default: by `service`.
   */
  doubleEncodePath?: boolean;
}

const algorithm = 'AWS4-HMAC-SHA256';
/** What S3 is told when the payload is not signed (presigned links, HEAD and GET without a body). */
export const unsignedPayload = 'UNSIGNED-PAYLOAD';
/** A presigned URL lives at most a week (SigV4's own limit). */
const maxPresignSeconds = 7 * 24 * 60 * 60;

/**
 * Headers never signed: proxies and the HTTP stack may change or drop them, and the trace header
 * is added after signing (call-trace.ts). The SDK's list, so a request signs as it did.
 */
const unsignable = new Set([
  'authorization',
  'cache-control',
  'connection',
  'expect',
  'from',
  'keep-alive',
  'max-forwards',
  'pragma',
  'referer',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'user-agent',
  'x-amzn-trace-id',
]);
/** What the signer writes itself: a caller's own would be stale. */
const generated = new Set(['authorization', 'x-amz-date', 'date']);

export const sha256Hex = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string): Buffer => createHmac('sha256', key).update(data).digest();

/** `2015-08-30T12:36:00.000Z` → `20150830T123600Z`. */
export const amzDate = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');

/** RFC 3986: everything but `A-Z a-z 0-9 - . _ ~` percent-encoded, as SigV4 wants. */
export const uriEscape = (text: string): string =>
  encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

const scopeOf = (context: SigningContext): string => `${amzDate(context.date).slice(0, 8)}/${context.region}/${context.service}/aws4_request`;

/**
 * The derived key of a day, region and service (four HMACs), kept as the SDK keeps it: a
 * function signs many calls a day with the same few. Bounded, for a long-lived local process.
 */
const signingKeys = new Map<string, { secret: string; key: Buffer }>();
const signingKey = (context: SigningContext): Buffer => {
  const { accessKeyId, secretAccessKey } = context.credentials;
  const [day, region, service] = scopeOf(context).split('/') as [string, string, string];
  const id = `${accessKeyId}/${day}/${region}/${service}`;
  const cached = signingKeys.get(id);
  if (cached?.secret === secretAccessKey) return cached.key;
  const key = hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, day), region), service), 'aws4_request');
  if (signingKeys.size >= 50) signingKeys.clear();
  signingKeys.set(id, { secret: secretAccessKey, key });
  return key;
};

const canonicalPath = (path: string, context: SigningContext): string => {
  if (!(context.doubleEncodePath ?? context.service !== 's3')) return path;
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const normalised = `${path.startsWith('/') ? '/' : ''}${segments.join('/')}${segments.length > 0 && path.endsWith('/') ? '/' : ''}`;
  return uriEscape(normalised).replace(/%2F/g, '/');
};

/** Sorted by encoded name, a name's values sorted too; a signature in the query is never signed. */
const canonicalQuery = (query: SignableRequest['query'] = {}): string =>
  Object.entries(query)
    .filter(([name]) => name.toLowerCase() !== 'x-amz-signature')
    .map(([name, value]): [string, string] => {
      const encoded = uriEscape(name);
      const values = typeof value === 'string' ? [value] : [...value];
      return [encoded, values.map((v) => `${encoded}=${uriEscape(v)}`).sort().join('&')];
    })
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, pairs]) => pairs)
    .filter(Boolean)
    .join('&');

/** Lower-case names with their values' whitespace folded, sorted; the unsignable left out. */
const canonicalHeaders = (headers: Readonly<Record<string, string>>): [string, string][] => {
  const canonical = new Map<string, string>();
  for (const name of Object.keys(headers).sort()) {
    const lower = name.toLowerCase();
    if (unsignable.has(lower) || lower.startsWith('proxy-') || lower.startsWith('sec-')) continue;
    canonical.set(lower, headers[name]!.replace(/[\r\n]/g, ' ').replace(/[ \t]+/g, ' ').replace(/^ | $/g, ''));
  }
  return [...canonical].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
};

const headerValue = (headers: Readonly<Record<string, string>>, name: string): string | undefined =>
  Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];

/** The request's signature and the header names it covers. */
const signatureOf = (request: SignableRequest, context: SigningContext, payloadHash: string) => {
  const headers = canonicalHeaders(request.headers);
  const signedHeaders = headers.map(([name]) => name).join(';');
  const canonicalRequest = [
    request.method,
    canonicalPath(request.path, context),
    canonicalQuery(request.query),
    ...headers.map(([name, value]) => `${name}:${value}`),
    '',
    signedHeaders,
    payloadHash,
  ].join('\n');
  const stringToSign = [algorithm, amzDate(context.date), scopeOf(context), sha256Hex(canonicalRequest)].join('\n');
  return { signedHeaders, signature: createHmac('sha256', signingKey(context)).update(stringToSign).digest('hex') };
};

/**
 * Signs in the Authorization header: the request's headers (less any stale Authorization,
 * X-Amz-Date or Date) with `x-amz-date`, the session token's header when there is one, and
 * `authorization`. Send exactly these (anything added later, such as the trace header, must be
 * an unsignable one).
 */
export const signRequest = (request: SignableRequest, context: SigningContext): Record<string, string> => {
  const headers: Record<string, string> = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !generated.has(name.toLowerCase())));
  headers['x-amz-date'] = amzDate(context.date);
  if (context.credentials.sessionToken) headers['x-amz-security-token'] = context.credentials.sessionToken;
  const payloadHash = headerValue(headers, 'x-amz-content-sha256') ?? sha256Hex(request.body ?? '');
  const { signedHeaders, signature } = signatureOf({ ...request, headers }, context, payloadHash);
  headers.authorization = `${algorithm} Credential=${context.credentials.accessKeyId}/${scopeOf(context)}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return headers;
};

/**
 * Signs in the query, for a link valid `expiresIn` seconds from `context.date`: the request's
 * query followed by the X-Amz-* parameters (the session token's among them, signed). The request's
 * headers are signed as given (a link's are just `host`) and must be sent as given.
 */
export const presignRequest = (
  request: SignableRequest,
  context: SigningContext,
  options: { expiresIn: number; payloadHash?: string },
): Record<string, string | readonly string[]> => {
  if (options.expiresIn > maxPresignSeconds) throw new RangeError(`A presigned URL expires within a week, not ${options.expiresIn} s`);
  const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !generated.has(name.toLowerCase())));
  const query: Record<string, string | readonly string[]> = { ...request.query };
  if (context.credentials.sessionToken) query['X-Amz-Security-Token'] = context.credentials.sessionToken;
  query['X-Amz-Algorithm'] = algorithm;
  query['X-Amz-Credential'] = `${context.credentials.accessKeyId}/${scopeOf(context)}`;
  query['X-Amz-Date'] = amzDate(context.date);
  query['X-Amz-Expires'] = String(options.expiresIn);
  query['X-Amz-SignedHeaders'] = canonicalHeaders(headers).map(([name]) => name).join(';');
  const { signature } = signatureOf({ ...request, headers, query }, context, options.payloadHash ?? sha256Hex(request.body ?? ''));
  query['X-Amz-Signature'] = signature;
  return query;
};

/** HMAC of a string with the day's signing key, hex: an S3 POST policy's signature. */
export const signString = (text: string, context: SigningContext): string => createHmac('sha256', signingKey(context)).update(text).digest('hex');
