import { randomBytes } from 'node:crypto';
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

/** A zip whose one entry is encrypted (general purpose flag bit 0): the scanner can't look into it. */
export const encryptedZip = (): Uint8Array => {
  const name = Buffer.from('smlouva.pdf');
  const data = randomBytes(12 + 64);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(1, 6); // encrypted
  local.writeUInt32LE(0x12345678, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length - 12, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(1, 8);
  central.writeUInt32LE(0x12345678, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length - 12, 24);
  central.writeUInt16LE(name.length, 28);
  const localPart = Buffer.concat([local, name, data]);
  const centralPart = Buffer.concat([central, name]);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(centralPart.length, 12);
  end.writeUInt32LE(localPart.length, 16);
  return new Uint8Array(Buffer.concat([localPart, centralPart, end]));
};

