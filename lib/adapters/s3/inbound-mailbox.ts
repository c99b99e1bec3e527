import { absent, objectRequest, readObject, s3FromEnvironment, StorageError, type S3Environment } from './file-store.js';
import type { InboundMailbox } from '../../services/ports/mail.js';

/**
 * The mail SES stored under `mail/`, read with SigV4-signed HEAD and GET requests (no S3
 * client). The function may read `mail/` but not list the bucket, so S3 answers a missing key
 * with 403: here, as in the file store, 403 and 404 mean "not there".
 */
export const s3InboundMailbox = (env: S3Environment = s3FromEnvironment): InboundMailbox => ({
  async size(key) {
    const response = await objectRequest(env, 'HEAD', key);
    if (absent(response.status)) return undefined;
    if (!response.ok) throw new StorageError(`S3 answered ${response.status} to HEAD ${key}`);
    const length = Number(response.headers.get('content-length'));
    if (!Number.isSafeInteger(length) || length < 0) throw new StorageError(`S3 sent no size for ${key}`);
    return length;
  },
  read: (key) => readObject(env, key),
  async readStart(key, bytes) {
    const response = await objectRequest(env, 'GET', key, { headers: { range: `bytes=0-${bytes - 1}` } });
    if (!response.ok) throw new StorageError(`S3 answered ${response.status} to GET ${key} (its start): ${(await response.text()).slice(0, 300)}`);
    // Read as a stream and stop at `bytes`: a server that ignores Range never gets to send it all.
    const chunks: Uint8Array[] = [];
    let length = 0;
    const reader = response.body?.getReader();
    while (reader && length < bytes) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      length += value.byteLength;
    }
    await reader?.cancel().catch(() => undefined);
    return Buffer.concat(chunks).subarray(0, bytes);
  },
});
