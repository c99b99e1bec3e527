import { GetObjectCommand, HeadObjectCommand, NotFound, S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost, type PresignedPostOptions } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import * as z from 'zod';
import { EnvName, readEnv } from '../../config/env.js';
import type { FileStore } from '../../services/ports.js';

/** Path-style addressing where a custom endpoint is set (the local S3 server); virtual hosts in AWS. */
const s3 = new S3Client({ forcePathStyle: Boolean(process.env.AWS_ENDPOINT_URL_S3), requestChecksumCalculation: 'WHEN_REQUIRED' });
const bucket = () => readEnv(EnvName.bucketName, z.string().min(1));

/** RFC 6266: an ASCII fallback plus the exact UTF-8 name, so "Přehled.pdf" downloads as such. */
export const contentDisposition = (fileName: string): string => {
  const ascii = fileName.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '') || 'file';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
};

/** The POST policy conditions that bind an upload to one key, one exact size and one type. */
export const uploadConditions = (key: string, contentType: string, size: number): NonNullable<PresignedPostOptions['Conditions']> => [
  ['eq', '$key', key],
  ['content-length-range', size, size],
  ['eq', '$Content-Type', contentType],
];

export const s3FileStore = (client: S3Client = s3): FileStore => ({
  async presignUpload(key, contentType, size, expiresInSeconds) {
    const { url, fields } = await createPresignedPost(client, {
      Bucket: bucket(),
      Key: key,
      Conditions: uploadConditions(key, contentType, size),
      Fields: { 'Content-Type': contentType },
      Expires: expiresInSeconds,
    });
    return { url, fields };
  },
  async describe(key) {
    try {
      const head = await client.send(new HeadObjectCommand({ Bucket: bucket(), Key: key }));
      return { size: head.ContentLength ?? 0, contentType: head.ContentType };
    } catch (error) {
      if (error instanceof NotFound || (error instanceof Error && error.name === 'NotFound')) return undefined;
      throw error;
    }
  },
  presignDownload: (key, fileName, expiresInSeconds) =>
    getSignedUrl(client, new GetObjectCommand({ Bucket: bucket(), Key: key, ResponseContentDisposition: contentDisposition(fileName) }), {
      expiresIn: expiresInSeconds,
    }),
});
