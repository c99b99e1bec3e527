import * as z from 'zod';
import { EnvName, readEnv } from '../../config/env.js';
import type { FileStore } from '../../services/ports.js';
import { presignGet, presignPost, signedHeaders, type Credentials, type S3Target } from './s3-signing.js';

/** Where the bucket is and who signs, from the function's environment (Lambda sets the credentials). */
export interface S3Environment {
  target: () => S3Target;
  credentials: () => Credentials;
  now: () => Date;
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
  credentials: () => ({
    accessKeyId: readEnv(EnvName.awsAccessKeyId, z.string().min(1)),
    secretAccessKey: readEnv(EnvName.awsSecretAccessKey, z.string().min(1)),
    sessionToken: readEnv(EnvName.awsSessionToken, z.string().min(1).optional()),
  }),
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

export const s3FileStore = (env: S3Environment = s3FromEnvironment): FileStore => ({
  presignUpload: (key, contentType, size, expiresInSeconds) =>
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
    const { url, headers } = await signedHeaders(env.target(), env.credentials(), 'HEAD', key, env.now());
    const { host: _host, ...sent } = headers; // fetch sets Host from the URL, to the same value
    const response = await fetch(url, { method: 'HEAD', headers: sent });
    if (response.status === 404) return undefined;
    if (!response.ok) throw new StorageError(`S3 answered ${response.status} to HEAD ${key}`);
    return { size: Number(response.headers.get('content-length') ?? 0), contentType: response.headers.get('content-type') ?? undefined };
  },

  presignDownload: (key, fileName, expiresInSeconds) =>
    presignGet(env.target(), env.credentials(), key, expiresInSeconds, env.now(), {
      'response-content-disposition': contentDisposition(fileName),
    }),
});
