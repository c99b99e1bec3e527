import S3rver from 's3rver';
import fs from 'node:fs';
import path from 'node:path';
import { bucketDefinition } from '../lib/adapters/s3/bucket-definition.js';

const xmlEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The shared CORS rules in the XML form S3 (and s3rver) takes. */
export const corsXml = (origins: readonly string[]): string => {
  const { allowedMethods, allowedHeaders, exposedHeaders, maxAgeSeconds } = bucketDefinition.cors;
  const tags = (tag: string, values: readonly string[]) => values.map((v) => `<${tag}>${xmlEscape(v)}</${tag}>`).join('');
  return (
    '<CORSConfiguration><CORSRule>' +
    tags('AllowedOrigin', origins) +
    tags('AllowedMethod', allowedMethods) +
    tags('AllowedHeader', allowedHeaders) +
    tags('ExposeHeader', exposedHeaders) +
    `<MaxAgeSeconds>${maxAgeSeconds}</MaxAgeSeconds>` +
    '</CORSRule></CORSConfiguration>'
  );
};

/** s3rver with the attachments bucket. It checks no SigV4 signature, no POST policy and no copy
 * condition (`x-amz-copy-source-if-match`, `If-None-Match`), and has no lifecycle rules: what we
 * sign is unit-tested, and S3's conditions are modelled in the attachment service's unit tests. */
export const startS3 = async (host: string, port: number, dataDir: string, portalOrigins: readonly string[]) => {
  const directory = path.join(dataDir, 's3');
  fs.mkdirSync(directory, { recursive: true });
  const server = new S3rver({
    address: host,
    port,
    directory,
    silent: true,
    configureBuckets: [{ name: bucketDefinition.localName, configs: [corsXml(portalOrigins)] }],
  });
  await server.run();
  // `notifications`: its S3 event notifications, which the local malware scanner listens to.
  return { endpoint: `http://${host}:${port}`, bucketName: bucketDefinition.localName, notifications: server, stop: () => server.close() };
};
