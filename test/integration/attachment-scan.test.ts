import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import * as z from 'zod';
import { PutCommand } from '../../lib/adapters/dynamodb/document-client.js';
import { objectRequest, type S3Environment } from '../../lib/adapters/s3/file-store.js';
import { attachmentItemKey } from '../../lib/adapters/dynamodb/keys.js';
import { attachmentKey, quarantineKey } from '../../lib/domain/attachment-rules.js';
import type { Attachment } from '../../lib/domain/attachment.js';
import { InboundOutcome } from '../../lib/domain/mail/inbound-mail.js';
import { routes } from '../../lib/http/routes.js';
import { functions } from '../../lib/lambda/table.js';
import { stringsFor } from '../../lib/mail/strings.js';
import { receiveLocally } from '../../local/inbound-mail.js';
import { localCredentials, localRegion } from '../../local/local-aws.js';
import { scanResultEvent } from '../../local/scanner/scan-result-event.js';
import { asDemoUser, ok, people, type Client } from '../support/api-client.js';
import { eml } from '../support/eml.js';
import { documents, freshOrganisation } from '../support/fresh-organisation.js';
import { invoke } from '../support/invoke.js';
import { recipientOf, replyAddressOf, waitForMails, type SentMail } from '../support/mailbox.js';
import { eicar, encryptedZip, requireClamav, waitForScan } from '../support/scan.js';

const stack = () => inject('stack');
const cs = stringsFor('cs');

/** The local bucket as the functions reach it. */
const bucket = (): S3Environment => ({
  target: () => ({ bucket: stack().bucketName, region: localRegion, endpoint: stack().s3Url, pathStyle: true }),
  credentials: () => localCredentials,
  now: () => new Date(),
});
const statusAt = async (key: string) => (await objectRequest(bucket(), 'HEAD', key)).status;

/** Announces a file, POSTs it to the presigned form as a browser would, and confirms it. */
const upload = async (client: Client, requestId: string, file: { fileName: string; contentType: 'text/plain' | 'application/pdf' | 'application/zip'; bytes: Uint8Array }) => {
  const ticket = ok(await client.send(routes.requestUpload, { path: { requestId }, body: { fileName: file.fileName, size: file.bytes.length, contentType: file.contentType } }));
  const form = new FormData();
  for (const [name, value] of Object.entries(ticket.upload.fields)) form.append(name, value);
  form.append('file', new Blob([file.bytes], { type: file.contentType }), 'upload');
  expect((await fetch(ticket.upload.url, { method: 'POST', body: form })).ok).toBe(true);
  return ok(await client.send(routes.confirmUpload, { path: { requestId, attachmentId: ticket.attachment.attachmentId } }));
};

const timelineOf = async (client: Client, requestId: string) => ok(await client.send(routes.listTimeline, { path: { requestId }, query: { limit: 100 } })).items;

/** A request of an organisation of the test's own, filed by its member (`memberId`). */
const newRequest = async () => {
  const org = await freshOrganisation('Scan');
  const { requestId } = ok(await org.member.send(routes.createRequest, { body: { type: 'inquiry', title: 'Soubory ke kontrole', description: 'Posíláme podklady.', platform: 'azami' } }));
  return { ...org, requestId, memberId: ok(await org.member.send(routes.getMe)).userId };
};

/** The reply address of the last mail about a request to `to`, as the local SES server keeps it. */
describe('the malware scan of every file', () => {
  it('finds the EICAR test file uploaded through the API infected: never downloadable or citable, moved out of orgs/, on the timeline, its sender and the agency mailed', async () => {
    requireClamav();
    const { member, memberId, emails, orgId, requestId } = await newRequest();
    const eva = await asDemoUser(people.agent);
    const confirmed = await upload(member, requestId, { fileName: 'faktura.txt', contentType: 'text/plain', bytes: eicar() });
    expect(confirmed).toMatchObject({ status: 'uploaded', scan: 'pending' });
    const { attachmentId } = confirmed;

    const scanned = await waitForScan(member, requestId, attachmentId);
    expect(scanned).toMatchObject({ scan: 'infected', threat: expect.stringMatching(/EICAR/) });

    // Never downloadable, by anyone, however often asked; never cited.
    for (const who of [member, eva, member]) {
      const answer = await who.send(routes.downloadAttachment, { path: { requestId, attachmentId } });
      expect(answer.status).toBe(409);
      expect(answer.error).toMatchObject({ code: 'conflict', message: 'faktura.txt contains malware and was removed from reach', next: expect.stringMatching(/clean copy/) });
    }
    const message = await member.send(routes.postMessage, { path: { requestId }, body: { body: 'Posílám fakturu.', attachmentIds: [attachmentId] } });
    expect(message.status).toBe(409);
    expect(message.error?.message).toMatch(/contains malware/);

    // Out of reach: gone from its key (every link to it answers 404), its copy under quarantine/.
    const key = attachmentKey(orgId, requestId, attachmentId, 'faktura.txt');
    expect(await statusAt(key)).toBe(404);
    expect(await statusAt(quarantineKey(key))).toBe(200);

    const blocked = (await timelineOf(member, requestId)).filter((entry) => entry.kind === 'attachment_blocked');
    expect(blocked).toEqual([
      expect.objectContaining({
        actorType: 'system',
        actorId: 'scanner',
        visibility: 'all',
        attachmentIds: [attachmentId],
        details: expect.objectContaining({ fileName: 'faktura.txt', verdict: 'infected', threat: scanned.threat, uploadedBy: memberId }),
      }),
    ]);

    // The sender in their language (Czech), and the agency (whoever its staff is by now).
    const mails = await waitForMails(requestId, (all) => {
      const about = all.filter((mail) => mail.subject.includes(cs.blocked.infectedSummary));
      return about.some((mail) => recipientOf(mail) === emails.member.toLowerCase()) && about.some((mail) => recipientOf(mail) === people.agent.toLowerCase());
    });
    const toSender = mails.find((mail) => mail.subject.includes(cs.blocked.infectedSummary) && recipientOf(mail) === emails.member.toLowerCase())!;
    expect(toSender.body.text).toContain(cs.blocked.infected('faktura.txt'));
    expect(toSender.body.text).toContain(cs.blocked.infectedWhatNow);
    expect(mails.filter((mail) => mail.subject.includes(cs.blocked.infectedSummary) && recipientOf(mail) === emails.member.toLowerCase())).toHaveLength(1);
  });

  it('changes nothing when a verdict comes again: the same one, or another (no second entry, the first verdict stands)', async () => {
    requireClamav();
    const { member, orgId, requestId } = await newRequest();
    const { attachmentId } = await upload(member, requestId, { fileName: 'virus.txt', contentType: 'text/plain', bytes: eicar() });
    const first = await waitForScan(member, requestId, attachmentId);
    expect(first.scan).toBe('infected');
    const objectKey = attachmentKey(orgId, requestId, attachmentId, 'virus.txt');
    const again = (status: 'THREATS_FOUND' | 'NO_THREATS_FOUND') =>
      invoke(functions.recordScanResult, scanResultEvent({ bucketName: stack().bucketName, objectKey }, status === 'THREATS_FOUND' ? { status, threats: ['Another.Name'] } : { status }));

    for (const status of ['THREATS_FOUND', 'NO_THREATS_FOUND'] as const) {
      expect(await again(status)).toMatchObject({ status: 200, result: { outcome: 'ignored', reason: 'replayed' } });
    }
    expect(ok(await member.send(routes.listAttachments, { path: { requestId } })).find((a) => a.attachmentId === attachmentId)).toMatchObject({ scan: 'infected', threat: first.threat });
    expect((await timelineOf(member, requestId)).filter((entry) => entry.kind === 'attachment_blocked')).toHaveLength(1);
  });

  it('ignores a verdict on a key that names no file of ours, without failing (nothing to retry)', async () => {
    const event = (objectKey: string, bucketName = stack().bucketName) => scanResultEvent({ bucketName, objectKey }, { status: 'NO_THREATS_FOUND' });
    expect(await invoke(functions.recordScanResult, event('orgs/org-x/requests/2026-9999/attachments/nope/a.pdf'))).toMatchObject({ result: { outcome: 'ignored', reason: 'unknown-attachment' } });
    expect(await invoke(functions.recordScanResult, event('orgs/whatever.pdf'))).toMatchObject({ result: { outcome: 'ignored', reason: 'not-an-attachment' } });
    expect(await invoke(functions.recordScanResult, event('orgs/org-x/requests/2026-9999/attachments/nope/a.pdf', 'someone-elses-bucket'))).toMatchObject({
      result: { outcome: 'ignored', reason: 'other-bucket' },
    });
  });

  it('finds a clean PDF clean, serves it byte for byte, and lets a message cite it', async () => {
    requireClamav();
    const { member, requestId } = await newRequest();
    const eva = await asDemoUser(people.agent);
    const bytes = new TextEncoder().encode('%PDF-1.4\n% Nabídka: úvodní stránka\n%%EOF\n');
    const { attachmentId } = await upload(member, requestId, { fileName: 'Nabídka.pdf', contentType: 'application/pdf', bytes });
    expect(await waitForScan(member, requestId, attachmentId)).toMatchObject({ scan: 'clean' });
    expect((await waitForScan(member, requestId, attachmentId)).threat).toBeUndefined();
    for (const who of [member, eva]) {
      const link = ok(await who.send(routes.downloadAttachment, { path: { requestId, attachmentId } }));
      expect(new Uint8Array(await (await fetch(link.url)).arrayBuffer())).toEqual(bytes);
    }
    expect(await member.send(routes.postMessage, { path: { requestId }, body: { body: 'Nabídka v příloze.', attachmentIds: [attachmentId] } })).toMatchObject({ status: 201 });
    expect((await timelineOf(member, requestId)).filter((entry) => entry.kind === 'attachment_blocked')).toEqual([]);
  });

  it('finds an encrypted archive unreadable (failed): not downloadable, and its sender asked for an unencrypted copy', async () => {
    requireClamav();
    const { member, emails, requestId } = await newRequest();
    const { attachmentId } = await upload(member, requestId, { fileName: 'smlouva.zip', contentType: 'application/zip', bytes: encryptedZip() });
    const scanned = await waitForScan(member, requestId, attachmentId);
    expect(scanned.scan).toBe('failed');
    const answer = await member.send(routes.downloadAttachment, { path: { requestId, attachmentId } });
    expect(answer).toMatchObject({ status: 409, error: { message: expect.stringMatching(/could not be checked/), next: expect.stringMatching(/unencrypted copy/) } });
    const toSender = (mail: SentMail) => mail.subject.includes(cs.blocked.failedSummary) && recipientOf(mail) === emails.member.toLowerCase();
    const mails = await waitForMails(requestId, (all) => all.some(toSender));
    expect(mails.find(toSender)!.body.text).toContain(cs.blocked.failedWhatNow);
  });

  it('refuses to download or cite a file while it is being checked (409, saying what to do)', async () => {
    const { member, memberId: uploader, orgId, requestId } = await newRequest();
    // A confirmed file whose verdict has not come yet, written as the stores write it (the local scan is faster than any test).
    const attachmentId = randomUUID();
    const pending: Attachment = {
      attachmentId,
      requestId,
      orgId,
      fileName: 'pomalý.pdf',
      contentType: 'application/pdf',
      size: 10,
      key: attachmentKey(orgId, requestId, attachmentId, 'pomalý.pdf'),
      status: 'uploaded',
      scan: 'pending',
      visibility: 'all',
      uploadedBy: uploader,
      createdAt: new Date().toISOString(),
    };
    await documents().send(new PutCommand({ TableName: stack().tableName, Item: { ...attachmentItemKey(requestId, attachmentId), entity: 'attachment', ...pending } }));

    expect(ok(await member.send(routes.listAttachments, { path: { requestId } }))).toContainEqual(expect.objectContaining({ attachmentId, scan: 'pending' }));
    const download = await member.send(routes.downloadAttachment, { path: { requestId, attachmentId } });
    expect(download).toMatchObject({ status: 409, error: { message: 'pomalý.pdf is being checked for malware', next: expect.stringMatching(/try again in a minute/i) } });
    const message = await member.send(routes.postMessage, { path: { requestId }, body: { body: 'Hned to pošlu.', attachmentIds: [attachmentId] } });
    expect(message).toMatchObject({ status: 409, error: { message: expect.stringMatching(/still being checked for malware/), next: expect.stringMatching(/send again/) } });
  });

  it('scans the files an inbound mail brings, as it scans uploads', async () => {
    requireClamav();
    const { member, emails, requestId } = await newRequest();
    const eva = await asDemoUser(people.agent);
    // The agent's message gives the member a mail with a reply address.
    ok(await eva.send(routes.postMessage, { path: { requestId }, body: { body: 'Pošlete prosím podklady.' } }));
    await waitForMails(requestId, (mails) => mails.some((mail) => recipientOf(mail) === emails.member.toLowerCase()));
    const replyTo = await replyAddressOf(requestId, emails.member);
    const mail = eml({
      from: emails.member,
      to: replyTo,
      text: 'Posílám podklady.',
      files: [
        { fileName: 'podklady.txt', contentType: 'text/plain', content: 'Úvodní stránka: logo, text, kontakt.' },
        { fileName: 'faktura.txt', contentType: 'text/plain', content: eicar() },
      ],
    });
    const run = await receiveLocally(stack(), Buffer.from(mail, 'utf8'));
    if ('error' in run) throw new Error(`inbound-mail failed: ${run.error.errorMessage}`);
    const outcome = z.object({ outcome: z.literal('posted'), attachmentIds: z.array(z.string()) }).parse(InboundOutcome.parse(run.outcome));
    const [clean, infected] = outcome.attachmentIds as [string, string];

    expect(await waitForScan(member, requestId, clean)).toMatchObject({ fileName: 'podklady.txt', scan: 'clean' });
    expect(await waitForScan(member, requestId, infected)).toMatchObject({ fileName: 'faktura.txt', scan: 'infected' });
    expect((await member.send(routes.downloadAttachment, { path: { requestId, attachmentId: infected } })).status).toBe(409);
    expect((await member.send(routes.downloadAttachment, { path: { requestId, attachmentId: clean } })).status).toBe(200);
    expect((await timelineOf(member, requestId)).filter((entry) => entry.kind === 'attachment_blocked').map((entry) => entry.attachmentIds)).toEqual([[infected]]);
  });
});
