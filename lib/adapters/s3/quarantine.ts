import { quarantineKey } from '../../domain/attachment-rules.js';
import { logger } from '../../observability/logger.js';
import type { Quarantine } from '../../services/ports/scan.js';
import { absent, s3FromEnvironment, sendSigned, StorageError, type S3Environment } from './file-store.js';
import { copySource, emptyPayloadHash, signedDelete, signedHeaders } from './s3-signing.js';

/** An ETag as a header takes it: quoted (GuardDuty's events give it bare). */
const quoted = (etag: string) => (etag.startsWith('"') || etag.startsWith('W/') ? etag : `"${etag}"`);

/**
 * The quarantine in the files bucket: an infected object is copied once to `quarantine/` (its
 * scanned version, by ETag; never over an earlier copy), then deleted from its key (in the
 * versioned bucket, a delete marker: the key answers 404 to every download link, and the
 * noncurrent version is readable only with s3:GetObjectVersion, which no function has; it
 * expires with the bucket's noncurrent versions). No function may read `quarantine/`.
 */
export const s3Quarantine = (env: S3Environment = s3FromEnvironment): Quarantine => ({
  async isolate(key, etag) {
    const target = env.target();
    const to = quarantineKey(key);
    const copy = await sendSigned(
      env,
      'PUT',
      signedHeaders(
        target,
        env.credentials(),
        'PUT',
        to,
        env.now(),
        {
          'x-amz-copy-source': copySource(target, key),
          ...(etag ? { 'x-amz-copy-source-if-match': quoted(etag) } : {}),
          'if-none-match': '*',
          // Not the scan's tags: the copy has none (and needs no s3:GetObjectTagging).
          'x-amz-tagging-directive': 'REPLACE',
        },
        emptyPayloadHash,
      ),
    );
    const body = await copy.text();
    if (copy.status === 412 || absent(copy.status)) {
      // A copy made before (a verdict delivered again), a source replaced or gone: what is at the key goes all the same.
      logger.warn('quarantine: nothing copied; the object is removed from its key all the same', { key, to, status: copy.status });
    } else if (!copy.ok || !body.includes('<CopyObjectResult')) {
      throw new StorageError(`S3 answered ${copy.status} to copying ${key} to ${to}: ${body.slice(0, 300)}`);
    }
    const removed = await sendSigned(env, 'DELETE', signedDelete(target, env.credentials(), key, env.now()));
    if (!removed.ok && removed.status !== 404) throw new StorageError(`S3 answered ${removed.status} to DELETE ${key}`);
  },
});
