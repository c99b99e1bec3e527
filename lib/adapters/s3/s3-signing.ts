import type { Credentials } from '../aws/sigv4.js';
import { amzDate, presignRequest, signRequest, signString, unsignedPayload, uriEscape, type SigningContext } from '../aws/sigv4-signer.js';

export type { Credentials };

/**
 * S3 signing (lib/adapters/aws/sigv4-signer.ts), for what the attachment routes need: a POST
 * policy, a presigned GET, and signed HEAD, conditional copy and DELETE requests. The full S3
 * client would add ~170 KB to each of those functions. Unit-tested against AWS's published
 * signature examples, since the local S3 server checks no SigV4 signatures.
 */

export interface S3Target {
  bucket: string;
  region: string;
  /** e.g. `https://s3.eu-central-1.amazonaws.com`, or the local server's URL. */
  endpoint: string;
  /** Path-style (`endpoint/bucket/key`) for local servers; virtual-hosted (`bucket.host/key`) in AWS. */
  pathStyle: boolean;
}

/** RFC 3986 encoding, as SigV4 canonicalises S3 key segments and query strings. */
const rfc3986 = uriEscape;

export const objectLocation = (target: S3Target, key: string) => {
  const base = new URL(target.endpoint);
  const encodedKey = key.split('/').map(rfc3986).join('/');
  const hostname = target.pathStyle ? base.hostname : `${target.bucket}.${base.hostname}`;
  const path = target.pathStyle ? `/${rfc3986(target.bucket)}/${encodedKey}` : `/${encodedKey}`;
  const host = base.port ? `${hostname}:${base.port}` : hostname;
  return { protocol: base.protocol, hostname, port: base.port ? Number(base.port) : undefined, host, path };
};

const context = (target: S3Target, credentials: Credentials, now: Date): SigningContext => ({ credentials, region: target.region, service: 's3', date: now });

const urlOf = (location: ReturnType<typeof objectLocation>, query: Readonly<Record<string, string | readonly string[]>> = {}) => {
  const search = Object.entries(query)
    .flatMap(([name, value]) => (typeof value === 'string' ? [value] : value).map((v) => `${rfc3986(name)}=${rfc3986(v)}`))
    .join('&');
  return `${location.protocol}//${location.host}${location.path}${search ? `?${search}` : ''}`;
};

/** A GET URL valid for `expiresIn` seconds; `query` may carry `response-content-disposition`. */
export const presignGet = (target: S3Target, credentials: Credentials, key: string, expiresIn: number, now: Date, query: Record<string, string> = {}): string => {
  const location = objectLocation(target, key);
  // S3 links sign no payload, and only the host among the headers (a browser sends no others we know).
  const signed = presignRequest({ method: 'GET', path: location.path, query, headers: { host: location.host } }, context(target, credentials, now), {
    expiresIn,
    payloadHash: unsignedPayload,
  });
  return urlOf(location, signed);
};

/** Headers for a request signed in the Authorization header (no payload is signed unless its hash is given). */
export const signedHeaders = (
  target: S3Target,
  credentials: Credentials,
  method: 'GET' | 'HEAD' | 'PUT' | 'DELETE',
  key: string,
  now: Date,
  extraHeaders: Record<string, string> = {},
  payloadHash = unsignedPayload,
): { url: string; headers: Record<string, string> } => {
  const location = objectLocation(target, key);
  // S3 wants the payload's hash (or UNSIGNED-PAYLOAD) in x-amz-content-sha256, signed.
  const headers = signRequest(
    { method, path: location.path, headers: { host: location.host, 'x-amz-content-sha256': payloadHash, ...extraHeaders } },
    context(target, credentials, now),
  );
  return { url: urlOf(location), headers };
};

/** SHA-256 of the empty body: copies and deletes send none, so they sign exactly that. */
export const emptyPayloadHash = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** `x-amz-copy-source`: the bucket and the URL-encoded key of the object to copy. */
export const copySource = (target: S3Target, key: string) => `${target.bucket}/${key.split('/').map(rfc3986).join('/')}`;

/**
 * A signed CopyObject within the bucket, conditional on both ends: S3 copies `from` only while it
 * still has the ETag `sourceETag` (so what is copied is what was checked), and only if nothing is
 * at `to` yet (`If-None-Match: *`, so `to` is written once). Either condition failing is a 412.
 * Tags are not copied (no tagging permission needed); metadata such as Content-Type is.
 */
export const signedCopy = (target: S3Target, credentials: Credentials, from: string, to: string, sourceETag: string, now: Date) =>
  signedHeaders(
    target,
    credentials,
    'PUT',
    to,
    now,
    {
      'x-amz-copy-source': copySource(target, from),
      'x-amz-copy-source-if-match': sourceETag,
      'if-none-match': '*',
      'x-amz-tagging-directive': 'REPLACE',
    },
    emptyPayloadHash,
  );

/** A signed DeleteObject (in a versioned bucket: a delete marker on the current version). */
export const signedDelete = (target: S3Target, credentials: Credentials, key: string, now: Date) =>
  signedHeaders(target, credentials, 'DELETE', key, now, {}, emptyPayloadHash);

/** Signs an already base64-encoded POST policy (the string S3 recomputes the signature over). */
export const signPolicy = (target: S3Target, credentials: Credentials, encodedPolicy: string, now: Date): string =>
  signString(encodedPolicy, context(target, credentials, now));

export type PolicyCondition = ['eq', string, string] | ['content-length-range', number, number] | Record<string, string>;

/**
 * A browser upload by POST: the form fields, with a policy that binds the upload to the given
 * conditions until `expiresIn` seconds from now.
 */
export const presignPost = (
  target: S3Target,
  credentials: Credentials,
  key: string,
  fields: Record<string, string>,
  conditions: PolicyCondition[],
  expiresIn: number,
  now: Date,
): { url: string; fields: Record<string, string> } => {
  const date = amzDate(now);
  const credential = `${credentials.accessKeyId}/${date.slice(0, 8)}/${target.region}/s3/aws4_request`;
  const signing: Record<string, string> = {
    'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    'X-Amz-Credential': credential,
    'X-Amz-Date': date,
    ...(credentials.sessionToken ? { 'X-Amz-Security-Token': credentials.sessionToken } : {}),
  };
  const allFields = { ...fields, bucket: target.bucket, ...signing, key };
  const policy = {
    expiration: new Date(now.getTime() + expiresIn * 1000).toISOString(),
    conditions: [...conditions, ...Object.entries(allFields).map(([name, value]) => ({ [name]: value }))],
  };
  const encoded = Buffer.from(JSON.stringify(policy)).toString('base64');
  const bucketLocation = objectLocation(target, '');
  const url = urlOf({ ...bucketLocation, path: bucketLocation.path.replace(/\/$/, '') });
  return { url, fields: { ...allFields, Policy: encoded, 'X-Amz-Signature': signPolicy(target, credentials, encoded, now) } };
};
