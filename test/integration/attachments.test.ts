import { describe, expect, it } from 'vitest';
import { routes } from '../../lib/http/routes.js';
import { asDemoUser, newInquiry, ok, people } from '../support/api-client.js';
import { waitForScan } from '../support/scan.js';

/** Uploads a file the way a browser would: a multipart POST of the presigned fields, then the file. */
const upload = async (ticket: { url: string; fields: Record<string, string> }, bytes: Uint8Array, contentType: string) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(ticket.fields)) form.append(name, value);
  form.append('file', new Blob([bytes], { type: contentType }), 'upload');
  return fetch(ticket.url, { method: 'POST', body: form });
};

const pattern = (length: number, seed: number) => new Uint8Array(Array.from({ length }, (_, i) => (i * seed + 11) % 256));

describe('a confirmed attachment', () => {
  it('downloads the confirmed bytes, byte for byte, after its upload ticket has posted other bytes', async () => {
    const jana = await asDemoUser(people.clientAdmin);
    const eva = await asDemoUser(people.agent);
    const requestId = ok(await jana.send(routes.createRequest, { body: newInquiry() })).requestId;
    const confirmed = pattern(3000, 31);
    const answer = await jana.send(routes.requestUpload, { path: { requestId }, body: { fileName: 'Smlouva.pdf', size: confirmed.length, contentType: 'application/pdf' } });
    expect(answer.status).toBe(201);
    const ticket = ok(answer);
    expect(ticket.upload.fields.key).toMatch(/^uploads\//);
    const path = { requestId, attachmentId: ticket.attachment.attachmentId };
    expect((await upload(ticket.upload, confirmed, 'application/pdf')).ok).toBe(true);
    expect(await jana.send(routes.confirmUpload, { path })).toMatchObject({ status: 200, data: { status: 'uploaded' } });

    // The ticket is valid for minutes more. Other bytes of the same size and type (what S3 in AWS
    // would accept from it too), then, since the local S3 server checks no policy, anything.
    expect((await upload(ticket.upload, pattern(3000, 7), 'application/pdf')).ok).toBe(true);
    expect((await upload(ticket.upload, new TextEncoder().encode('<script>replaced</script>'), 'text/html')).ok).toBe(true);
    // Confirming again changes nothing.
    expect(await jana.send(routes.confirmUpload, { path })).toMatchObject({ status: 200, data: { status: 'uploaded' } });
    // Downloadable once the malware scan found the confirmed bytes clean.
    expect(await waitForScan(jana, requestId, path.attachmentId)).toMatchObject({ scan: 'clean' });

    for (const who of [jana, eva]) {
      const link = await who.send(routes.downloadAttachment, { path });
      expect(link.status).toBe(200);
      const downloaded = await fetch(ok(link).url);
      expect(downloaded.status).toBe(200);
      expect(downloaded.headers.get('content-type')).toBe('application/pdf');
      expect(new Uint8Array(await downloaded.arrayBuffer())).toEqual(confirmed);
    }
  });
});
