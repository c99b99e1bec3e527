import type { OrderDocuments } from '../../services/mail-ports.js';
import { s3FromEnvironment, StorageError, type S3Environment } from './file-store.js';
import { signedHeaders } from './s3-signing.js';

/**
 * Reads whole objects with one SigV4-signed GET (the SDK's signer, no S3 client: the notifier's
 * bundle stays small). Path-style at a local server (`AWS_ENDPOINT_URL_S3`), virtual-hosted in
 * AWS. A function reads only the prefixes it is granted; S3 answers 403 for a missing key to
 * those who may not list, so any refusal is an error here, with its status.
 */
export const s3ObjectReader = (env: S3Environment = s3FromEnvironment): OrderDocuments => ({
  async read(key) {
    const signed = await signedHeaders(env.target(), env.credentials(), 'GET', key, env.now());
    // fetch sets Host from the URL, to the value that was signed.
    const { host: _host, ...headers } = signed.headers;
    const response = await (env.fetch ?? fetch)(signed.url, { method: 'GET', headers });
    if (!response.ok) throw new StorageError(`S3 answered ${response.status} to GET ${key}: ${(await response.text()).slice(0, 300)}`);
    return new Uint8Array(await response.arrayBuffer());
  },
});
