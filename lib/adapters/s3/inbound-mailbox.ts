import type { InboundMailbox } from '../../services/inbound-mail.js';
import { s3FromEnvironment, StorageError, type S3Environment } from './file-store.js';
import { signedHeaders } from './s3-signing.js';

/**
 * The mail SES stored under `mail/`, read with SigV4-signed HEAD and GET requests (no S3
 * client). The function may read `mail/` but not list the bucket, so S3 answers a missing key
 * with 403: here, as in the file store, 403 and 404 mean "not there".
 */
export const s3InboundMailbox = (env: S3Environment = s3FromEnvironment): InboundMailbox => {
  const send = async (method: 'GET' | 'HEAD', key: string, extra: Record<string, string> = {}) => {
    const signed = await signedHeaders(env.target(), env.credentials(), method, key, env.now());
    // fetch sets Host from the URL, to the value that was signed; Range need not be signed.
    const { host: _host, ...headers } = signed.headers;
    return (env.fetch ?? fetch)(signed.url, { method, headers: { ...headers, ...extra } });
  };
  const body = async (key: string, extra?: Record<string, string>) => {
    const response = await send('GET', key, extra);
    if (!response.ok) throw new StorageError(`S3 answered ${response.status} to GET ${key}: ${(await response.text()).slice(0, 300)}`);
    return new Uint8Array(await response.arrayBuffer());
  };
  return {
    async size(key) {
      const response = await send('HEAD', key);
      if (response.status === 404 || response.status === 403) return undefined;
      if (!response.ok) throw new StorageError(`S3 answered ${response.status} to HEAD ${key}`);
      const length = Number(response.headers.get('content-length'));
      if (!Number.isSafeInteger(length) || length < 0) throw new StorageError(`S3 sent no size for ${key}`);
      return length;
    },
    read: (key) => body(key),
    async readStart(key, bytes) {
      const response = await send('GET', key, { range: `bytes=0-${bytes - 1}` });
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
  };
};
