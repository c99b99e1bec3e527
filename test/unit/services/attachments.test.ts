import { describe, expect, it } from 'vitest';
import { noMetrics } from '../../../lib/adapters/metrics.js';
import { s3FileStore } from '../../../lib/adapters/s3/file-store.js';
import { attachmentKey, uploadKey } from '../../../lib/domain/attachment-rules.js';
import { ConflictError } from '../../../lib/domain/errors.js';
import type { Request } from '../../../lib/domain/request.js';
import { epochSeconds } from '../../../lib/domain/time.js';
import type { User } from '../../../lib/domain/user.js';
import { confirmUpload, downloadLink, requestUpload } from '../../../lib/services/requests/attachments.js';
import type { FileServiceDeps } from '../../../lib/services/ports/deps.js';
import { Attachment } from '../../../lib/domain/attachment.js';
import { s3Model } from '../../support/s3-model.js';

// The attachment service with the real S3 adapter, against a model of S3 as AWS behaves (POST
// policies, copy conditions, 403 for missing keys), since the local S3 server enforces neither.
const bucket = 'orderdesk-attachments';
const jana: User = { userId: 'sub-jana', email: 'jana@acme.example', name: 'Jana', role: 'client_admin', orgId: 'org-acme', createdAt: '2026-11-24T09:00:00.000Z' };
const request = { requestId: '2026-0042', orgId: 'org-acme', status: 'submitted', type: 'inquiry' } as Request;
const caller = { userId: jana.userId };
const confirmed = new TextEncoder().encode('the confirmed contract, v1');
const replacement = new TextEncoder().encode('a replaced contract, v666!'); // same size

const setup = () => {
  const now = new Date('2026-11-24T10:00:00Z');
  const s3 = s3Model(bucket, () => now);
  const attachments = new Map<string, Attachment>();
  let ids = 0;
  let failNextConfirm = false;
  // Writes as closures the fake unit of work runs in order (each one checks its condition first).
  type FakeWrite = { label: string; apply: () => void };
  const attachmentStore = {
    get: async (_requestId: string, attachmentId: string) => attachments.get(attachmentId),
    announce: (attachment: Attachment): FakeWrite => ({ label: 'announce', apply: () => void attachments.set(attachment.attachmentId, attachment) }),
    // As the DynamoDB store: conditional on the attachment still pending and not expired.
    confirm: (before: Attachment, after: Attachment, at: Date): FakeWrite => ({
      label: 'confirm',
      apply: () => {
        const current = attachments.get(before.attachmentId);
        if (current?.status !== 'pending' || (current.expiresAt ?? 0) <= epochSeconds(at)) {
          throw new ConflictError('This upload was already confirmed or has expired', 'List the attachments');
        }
        attachments.set(before.attachmentId, after);
      },
    }),
  };
  const unitOfWork = {
    commit: async (writes: FakeWrite[]) => {
      if (failNextConfirm && writes.some((w) => w.label === 'confirm')) {
        failNextConfirm = false;
        throw new Error('the function timed out');
      }
      for (const write of writes) write.apply();
    },
  };
  const timeline = { append: (): FakeWrite => ({ label: 'entry', apply: () => undefined }) };
  const deps = {
    attachments: attachmentStore,
    unitOfWork,
    timeline,
    users: { getUser: async (userId: string) => (userId === jana.userId ? jana : undefined) },
    callers: { read: async (userId: string) => ({ user: userId === jana.userId ? jana : undefined, request, isParticipant: false }), recent: () => undefined },
    now: () => now,
    newId: () => `id-${++ids}`,
    correlationId: () => undefined,
    metrics: noMetrics,
    files: s3FileStore({
      target: () => ({ bucket, region: 'eu-central-1', endpoint: 'https://s3.eu-central-1.amazonaws.com', pathStyle: true }),
      credentials: () => ({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }),
      now: () => now,
      fetch: s3.fetch,
    }),
  } as unknown as FileServiceDeps;
  const announce = () => requestUpload(deps, caller, request.requestId, { fileName: 'Smlouva.pdf', size: confirmed.length, contentType: 'application/pdf', internal: false });
  const confirm = (attachmentId: string) => confirmUpload(deps, caller, request.requestId, attachmentId);
  const download = (attachmentId: string) => downloadLink(deps, caller, request.requestId, attachmentId);
  /** The bytes its link downloads, once the malware scan's verdict says `clean` (as record-scan-result writes it). */
  const downloaded = async (attachmentId: string) => {
    attachments.set(attachmentId, { ...attachments.get(attachmentId)!, scan: 'clean' });
    return s3.download((await download(attachmentId)).url)?.body;
  };
  return { s3, attachments, announce, confirm, download, downloaded, failNextConfirm: () => (failNextConfirm = true) };
};

describe('the upload ticket', () => {
  it('binds the presigned POST to the upload key under uploads/, never to the attachment’s own key', async () => {
    const { announce, attachments, s3 } = setup();
    const ticket = await announce();
    const attachment = attachments.get(ticket.attachment.attachmentId)!;
    const upload = uploadKey(attachment);
    expect(upload).toBe(`uploads/org-acme/2026-0042/${attachment.attachmentId}`);
    expect(attachment.key).toBe(attachmentKey('org-acme', '2026-0042', attachment.attachmentId, 'Smlouva.pdf'));
    expect(ticket.upload.fields.key).toBe(upload);
    const policy = JSON.parse(Buffer.from(ticket.upload.fields.Policy!, 'base64').toString('utf8')) as { conditions: unknown[] };
    expect(policy.conditions.filter((c) => !Array.isArray(c) && 'key' in (c as object))).toEqual([{ key: upload }]);
    expect(JSON.stringify(policy)).not.toContain('orgs/');

    // S3 refuses the same ticket aimed at the attachment's own key (the key is a signed field).
    expect(s3.post({ ...ticket.upload, fields: { ...ticket.upload.fields, key: attachment.key } }, confirmed).status).toBe(403);
    expect(s3.objects.has(attachment.key)).toBe(false);
  });
});

describe('the download of a confirmed file', () => {
  it('is refused (409, saying why and what next) until the malware scan found the file clean, and never for an infected or unreadable one', async () => {
    const { announce, confirm, download, attachments, s3 } = setup();
    const ticket = await announce();
    const id = ticket.attachment.attachmentId;
    s3.post(ticket.upload, confirmed);
    expect(await confirm(id)).toMatchObject({ status: 'uploaded', scan: 'pending' });
    await expect(download(id)).rejects.toMatchObject({ name: 'ConflictError', message: 'Smlouva.pdf is being checked for malware', next: expect.stringMatching(/try again in a minute/i) });

    for (const [scan, why] of [
      ['infected', /contains malware and was removed from reach/],
      ['failed', /could not be checked for malware/],
    ] as const) {
      attachments.set(id, { ...attachments.get(id)!, scan });
      await expect(download(id)).rejects.toMatchObject({ name: 'ConflictError', message: expect.stringMatching(why) });
    }
    attachments.set(id, { ...attachments.get(id)!, scan: 'clean' });
    expect(s3.download((await download(id)).url)?.body).toEqual(confirmed);
  });

  it('is refused while pending for a file stored before scanning existed (no scan recorded): it never passes unscanned', async () => {
    const { announce, confirm, download, attachments, s3 } = setup();
    const ticket = await announce();
    const id = ticket.attachment.attachmentId;
    s3.post(ticket.upload, confirmed);
    await confirm(id);
    const { scan: _scan, ...stored } = attachments.get(id)!;
    attachments.set(id, Attachment.parse(stored));
    expect(attachments.get(id)?.scan).toBe('pending');
    await expect(download(id)).rejects.toMatchObject({ name: 'ConflictError' });
  });
});

describe('a confirmed attachment', () => {
  it('downloads the confirmed bytes even after the ticket uploads other bytes of the same size and type', async () => {
    const { announce, confirm, downloaded, attachments, s3 } = setup();
    const ticket = await announce();
    const id = ticket.attachment.attachmentId;
    expect(s3.post(ticket.upload, confirmed).status).toBe(204);
    expect(await confirm(id)).toMatchObject({ status: 'uploaded' });
    const { key } = attachments.get(id)!;
    expect(s3.objects.get(key)?.body).toEqual(confirmed);
    expect(s3.objects.has(uploadKey(attachments.get(id)!))).toBe(false); // the upload is removed

    // The ticket is still valid (and AWS accepts the same size and type): a second POST lands.
    expect(s3.post(ticket.upload, replacement).status).toBe(204);
    expect(await confirm(id)).toMatchObject({ status: 'uploaded' }); // idempotent, copies nothing
    expect(await downloaded(id)).toEqual(confirmed);
    expect(s3.objects.get(key)?.body).toEqual(confirmed);
  });

  it('copies nothing when the upload is replaced between the check and the copy; confirming again takes what is there then', async () => {
    const { announce, confirm, downloaded, attachments, s3 } = setup();
    const ticket = await announce();
    const id = ticket.attachment.attachmentId;
    s3.post(ticket.upload, confirmed);
    s3.hooks.beforeCopy = (n) => void (n === 1 && s3.post(ticket.upload, replacement));
    await expect(confirm(id)).rejects.toThrow(/changed while it was being confirmed/);
    expect(attachments.get(id)?.status).toBe('pending');
    expect(s3.objects.has(attachments.get(id)!.key)).toBe(false);

    expect(await confirm(id)).toMatchObject({ status: 'uploaded' });
    expect(await downloaded(id)).toEqual(replacement);
  });

  it('keeps its first copy when a confirmation stopped after copying and the upload was replaced before the retry', async () => {
    const { announce, confirm, downloaded, failNextConfirm, s3 } = setup();
    const ticket = await announce();
    const id = ticket.attachment.attachmentId;
    s3.post(ticket.upload, confirmed);
    failNextConfirm();
    await expect(confirm(id)).rejects.toThrow(/timed out/);
    s3.post(ticket.upload, replacement);
    expect(await confirm(id)).toMatchObject({ status: 'uploaded' });
    expect(await downloaded(id)).toEqual(confirmed);
  });

  it('gives one winner when two confirmations race a replacement, and the key holds the first copy', async () => {
    const { announce, confirm, downloaded, attachments, s3 } = setup();
    const ticket = await announce();
    const id = ticket.attachment.attachmentId;
    s3.post(ticket.upload, confirmed);
    s3.hooks.beforeCopy = (n) => void (n === 2 && s3.post(ticket.upload, replacement));
    const answers = await Promise.allSettled([confirm(id), confirm(id)]);
    expect(answers.map((a) => a.status).sort()).toEqual(['fulfilled', 'rejected']);
    // The loser found the winner's copy at the key (the copy to it was refused) and lost the conditional write.
    expect((answers.find((a) => a.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({ name: 'ConflictError', message: expect.stringMatching(/already confirmed/) });
    expect(attachments.get(id)?.status).toBe('uploaded');
    expect(await downloaded(id)).toEqual(confirmed);
  });

  it('refuses a file of another size, and an expired upload, before copying anything', async () => {
    const { announce, confirm, attachments, s3 } = setup();
    const ticket = await announce();
    const id = ticket.attachment.attachmentId;
    await expect(confirm(id)).rejects.toThrow(/has not arrived/);
    s3.objects.set(uploadKey(attachments.get(id)!), { body: new Uint8Array(3), contentType: 'application/pdf', etag: '"x"' });
    await expect(confirm(id)).rejects.toThrow(/size or type differ/);
    attachments.set(id, { ...attachments.get(id)!, expiresAt: epochSeconds(new Date('2026-11-24T09:59:00Z')) });
    s3.post(ticket.upload, confirmed);
    await expect(confirm(id)).rejects.toThrow(/expired/);
    expect([...s3.objects.keys()].filter((k) => k.startsWith('orgs/'))).toEqual([]);
  });
});
