import { createHash } from 'node:crypto';
import * as z from 'zod';
import { EnvName, readEnv } from '../../config/env.js';
import { ConflictError } from '../../domain/errors.js';
import { logger } from '../../observability/logger.js';
import type { FileStore } from '../../services/ports/common.js';
import { requestIds, traceAwsCall, unanswered, withTraceHeader } from '../aws/call-trace.js';
import { credentialsFromEnvironment } from '../aws/sigv4.js';
import { presignGet, presignPost, signedCopy, signedDelete, signedHeaders, type Credentials, type S3Target } from './s3-signing.js';

/** Where the bucket is and who signs, from the function's environment (Lambda sets the credentials). */
export interface S3Environment {
  target: () => S3Target;
  credentials: () => Credentials;
  now: () => Date;
  /** The global fetch unless given (tests stand in for S3 with it). */
  fetch?: typeof fetch;
}

export const s3FromEnvironment: S3Environment = {
  target: () => {
    const region = readEnv(EnvName.awsRegion, z.string().min(1));
    const endpoint = readEnv(EnvName.s3Endpoint, z.url().optional());
    return {
      bucket: readEnv(EnvName.bucketName, z.string().min(1)),
      region,
      endpoint: endpoint ?? `https://s3.${region}.amazonaws.com`,
      pathStyle: endpoint !== undefined,
    };
  },
  credentials: credentialsFromEnvironment,
  now: () => new Date(),
};

/** RFC 6266: an ASCII fallback plus the exact UTF-8 name, so "Přehled.pdf" downloads as such. */
export const contentDisposition = (fileName: string): string => {
  const ascii = fileName.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '') || 'file';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
};

export class StorageError extends Error {
  override readonly name = 'StorageError';
}

/** The S3 operation a signed request is, for its trace. */
const operationOf = (method: string, headers: Record<string, string>): string =>
  method === 'PUT' && 'x-amz-copy-source' in headers ? 'CopyObject' : ({ GET: 'GetObject', HEAD: 'HeadObject', PUT: 'PutObject', DELETE: 'DeleteObject' }[method] ?? method);

/**
 * Sends a header-signed request; fetch sets Host from the URL, to the value that was signed.
 * When the invocation is traced, the request is a subsegment of its trace (the operation and the
 * bucket, never the key: keys name people's files) and carries the trace header.
 */
export const sendSigned = async (env: S3Environment, method: string, signed: { url: string; headers: Record<string, string> }, body?: Uint8Array): Promise<Response> => {
  const { host: _host, ...headers } = signed.headers;
  const trace = traceAwsCall(() => {
    const target = env.target();
    return { service: 's3', region: target.region, operation: operationOf(method, headers), resources: { bucket_name: target.bucket } };
  });
  try {
    const response = await (env.fetch ?? fetch)(signed.url, { method, headers: withTraceHeader(headers, trace), body });
    // S3's errors are XML: its status says enough here (503 is its SlowDown).
    trace?.end({ status: response.status, aws: requestIds(response), throttled: response.status === 503 });
    return response;
  } catch (error) {
    trace?.end(unanswered(error));
    throw error;
  }
};

/**
 * One SigV4-signed request for an object (its headers signed too; a body's SHA-256 signed as its
 * payload), without the S3 client: the order documents' reader, the inbound mailbox and this store
 * all go through it.
 */
export const objectRequest = async (
  env: S3Environment,
  method: 'GET' | 'HEAD' | 'PUT',
  key: string,
  options: { headers?: Record<string, string>; body?: Uint8Array } = {},
): Promise<Response> => {
  const payloadHash = options.body ? createHash('sha256').update(options.body).digest('hex') : undefined;
  return sendSigned(env, method, signedHeaders(env.target(), env.credentials(), method, key, env.now(), options.headers, payloadHash), options.body);
};

/** A whole object's bytes; any refusal (a missing key too) is a StorageError with S3's status. */
export const readObject = async (env: S3Environment, key: string): Promise<Uint8Array> => {
  const response = await objectRequest(env, 'GET', key);
  if (!response.ok) throw new StorageError(`S3 answered ${response.status} to GET ${key}: ${(await response.text()).slice(0, 300)}`);
  return new Uint8Array(await response.arrayBuffer());
};

/**
 * No function may list the bucket (s3:ListBucket would let it read every key), and S3 then answers
 * a read of a missing key with 403 instead of 404: it does not tell whether a key exists to those
 * who may not list. Each function may read the prefix it reads, so here 403 means "not there".
 */
export const absent = (status: number) => status === 404 || status === 403;

/** Removes an object if it can; a failure is logged, not thrown (see FileStore's `discard`). */
const discardObject = async (env: S3Environment, key: string): Promise<void> => {
  try {
    const response = await sendSigned(env, 'DELETE', signedDelete(env.target(), env.credentials(), key, env.now()));
    if (!response.ok) throw new StorageError(`S3 answered ${response.status} to DELETE ${key}`);
  } catch (error) {
    logger.warn('Could not remove an object; the bucket lifecycle removes it later', { key, error });
  }
};

/** Only `discard`: for a function that removes objects and does nothing else with the bucket, without the rest of the store in its bundle. */
export const s3ObjectRemover = (env: S3Environment = s3FromEnvironment): Pick<FileStore, 'discard'> => ({ discard: (key) => discardObject(env, key) });

export const s3FileStore = (env: S3Environment = s3FromEnvironment): FileStore => ({
  presignUpload: async (key, contentType, size, expiresInSeconds) =>
    presignPost(
      env.target(),
      env.credentials(),
      key,
      { 'Content-Type': contentType },
      // Binds the upload to this exact size and type (the key is bound by the signed `key` field).
      [
        ['content-length-range', size, size],
        ['eq', '$Content-Type', contentType],
      ],
      expiresInSeconds,
      env.now(),
    ),

  async describe(key) {
    const response = await objectRequest(env, 'HEAD', key);
    if (absent(response.status)) return undefined;
    if (!response.ok) throw new StorageError(`S3 answered ${response.status} to HEAD ${key}`);
    const etag = response.headers.get('etag');
    if (!etag) throw new StorageError(`S3 sent no ETag for ${key}`);
    return { size: Number(response.headers.get('content-length') ?? 0), contentType: response.headers.get('content-type') ?? undefined, etag };
  },

  async copyOnce(from, to, etag) {
    const response = await sendSigned(env, 'PUT', signedCopy(env.target(), env.credentials(), from, to, etag, env.now()));
    const body = await response.text();
    // A precondition failed (412), or the source is gone (a concurrent confirmation removed it).
    if (response.status === 403) logger.warn('S3 denied a copy: the source is gone, or a grant is missing', { from, to });
    if (response.status === 412 || absent(response.status)) return false;
    // Another conditional write to `to` was under way (S3's 409 ConditionalRequestConflict); nothing was copied.
    if (response.status === 409) throw new ConflictError('The file is being confirmed by another call', 'Confirm again');
    // S3 may report a copy that failed midway inside a 200.
    if (!response.ok || !body.includes('<CopyObjectResult')) throw new StorageError(`S3 answered ${response.status} to copying ${from} to ${to}: ${body.slice(0, 300)}`);
    return true;
  },

  discard: (key) => discardObject(env, key),

  async put(key, content, contentType) {
    const response = await objectRequest(env, 'PUT', key, { headers: { 'content-type': contentType }, body: content });
    if (!response.ok) throw new StorageError(`S3 answered ${response.status} to PUT ${key}: ${(await response.text()).slice(0, 300)}`);
  },

  presignDownload: async (key, fileName, expiresInSeconds) =>
    presignGet(env.target(), env.credentials(), key, expiresInSeconds, env.now(), {
      'response-content-disposition': contentDisposition(fileName),
    }),
});
