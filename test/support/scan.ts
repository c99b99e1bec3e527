import { inject } from 'vitest';
import { routes } from '../../lib/http/routes.js';
import { pollUntil } from '../../local/poll.js';
import type { AttachmentView } from '../../lib/services/views.js';
import { ok, type Client } from './api-client.js';

/**
 * The malware scan on the running stack (ClamAV standing in for GuardDuty): waiting for a file's
 * verdict, and the EICAR test file. Tests that need a verdict fail, never skip, without ClamAV.
 */

/** Fails with the sentence that says how to get ClamAV, when the stack runs without it. */
export const requireClamav = (): void => {
  const { scanner } = inject('stack');
  if (!scanner.clamav) throw new Error(`This test needs the local malware scanner: install ClamAV (apt-get install clamav; .ci/run installs it). The stack says: ${scanner.description}`);
};

/**
 * Waits until the malware scan has a verdict on the file (its `scan` is no longer `pending`), as
 * its uploader sees it in the list, with a bound; answers the file as listed then.
 */
export const waitForScan = async (client: Client, requestId: string, attachmentId: string, timeoutMs = 30_000): Promise<AttachmentView> => {
  requireClamav();
  const listed = async () => ok(await client.send(routes.listAttachments, { path: { requestId } })).find((attachment) => attachment.attachmentId === attachmentId);
  return pollUntil(
    `the malware scan's verdict on ${attachmentId} of ${requestId}`,
    async () => {
      const attachment = await listed();
      return attachment && attachment.scan !== 'pending' ? attachment : undefined;
    },
    { timeoutMs, state: async () => `listed as ${JSON.stringify(await listed())}` },
  );
};

/**
 * The EICAR anti-virus test file (68 bytes every scanner reports as a test threat, harmless),
 * made of its parts here so that the repository never holds it whole.
 */
export const eicar = (): Uint8Array => new TextEncoder().encode(['X5O!P%@AP[4\\PZX54(P^)7CC)7}$', 'EICAR-STANDARD-', 'ANTIVIRUS-TEST-FILE!$H+H*'].join(''));
