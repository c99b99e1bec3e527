import { describe, expect, it } from 'vitest';
import { routes } from '../../lib/http/routes.js';
import { asDemoUser, asInvitedPerson, newInquiry, ok, people, type Client } from '../support/api-client.js';
import { waitForScan } from '../support/scan.js';

/** Uploads a file the way a browser would: a multipart POST of the presigned fields, then the file. */
const upload = async (ticket: { url: string; fields: Record<string, string> }, bytes: Uint8Array, contentType: string) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(ticket.fields)) form.append(name, value);
  form.append('file', new Blob([bytes], { type: contentType }), 'upload');
  return fetch(ticket.url, { method: 'POST', body: form });
};

describe('a request from filing to cancellation', () => {
  it('walks: create, discuss with an attachment, invite a participant, internal note, cancel', async () => {
    const jana = await asDemoUser(people.clientAdmin);
    const eva = await asDemoUser(people.agent);

    // 1. The client files a non-binding inquiry.
    const created = await jana.send(routes.createRequest, { body: newInquiry() });
    expect(created.status).toBe(201);
    const id = ok(created).requestId;
    expect(id).toMatch(/^\d{4}-\d{4,}$/);
    expect(created.data).toMatchObject({ status: 'submitted', orgId: 'org-acme', version: 1, allowedActions: ['cancel'] });
    const path = { requestId: id };

    // 2. The agent asks, the client answers with a screenshot.
    expect((await eva.send(routes.postMessage, { path, body: { body: 'Máte prosím screenshot?' } })).status).toBe(201);
    const bytes = new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 31 + 7) % 256));
    const ticket = await jana.send(routes.requestUpload, { path, body: { fileName: 'Snímek obrazovky.png', size: bytes.length, contentType: 'image/png' } });
    expect(ticket.status).toBe(201);
    const { attachment, upload: presigned } = ok(ticket);
    expect(attachment).toMatchObject({ fileName: 'Snímek obrazovky.png', status: 'pending' });
    expect((await upload(presigned, bytes, 'image/png')).ok).toBe(true);
    const attachmentId = attachment.attachmentId;
    const confirmed = await jana.send(routes.confirmUpload, { path: { ...path, attachmentId } });
    expect(confirmed).toMatchObject({ status: 200, data: { status: 'uploaded', scan: 'pending' } });
    // Cited and downloaded once the malware scan found it clean.
    expect(await waitForScan(jana, id, attachmentId)).toMatchObject({ scan: 'clean' });
    const reply = await jana.send(routes.postMessage, { path, body: { body: 'Tady je **screenshot**.', format: 'markdown', attachmentIds: [attachmentId] } });
    expect(reply).toMatchObject({ status: 201, data: { kind: 'message', format: 'markdown', attachmentIds: [attachmentId] } });

    // ... and the agent downloads it back, byte for byte.
    const link = await eva.send(routes.downloadAttachment, { path: { ...path, attachmentId } });
    expect(link.status).toBe(200);
    const downloaded = await fetch(ok(link).url);
    expect(downloaded.status).toBe(200);
    expect(new Uint8Array(await downloaded.arrayBuffer())).toEqual(bytes);
    expect(downloaded.headers.get('content-disposition')).toContain("filename*=UTF-8''Sn%C3%ADmek%20obrazovky.png");
    expect(ok(await eva.send(routes.listAttachments, { path }))).toHaveLength(1);

    // 3. The client admin invites a colleague from outside; she comments.
    const invited = await jana.send(routes.inviteParticipant, { path, body: { email: 'karla.partnerova@partner.example', name: 'Karla Partnerová' } });
    expect(invited).toMatchObject({ status: 201, data: { email: 'karla.partnerova@partner.example' } });
    const karla = await asInvitedPerson('karla.partnerova@partner.example');
    expect(ok(await karla.send(routes.getMe))).toMatchObject({ role: 'participant' });
    expect(ok(await karla.send(routes.getRequest, { path }))).toMatchObject({ requestId: id, allowedActions: [] });
    expect((await karla.send(routes.postMessage, { path, body: { body: 'Souhlasím s Janou.' } })).status).toBe(201);
    expect(ok(await karla.send(routes.listRequests)).items.map((r) => r.requestId)).toEqual([id]);

    // 4. The agent writes an internal note that neither the client nor the participant sees.
    const note = await eva.send(routes.postMessage, { path, body: { body: 'Interně: rozpočet ověřit.', internal: true } });
    expect(note).toMatchObject({ status: 201, data: { kind: 'internal_note', visibility: 'agency' } });
    const kinds = async (who: Client) => ok(await who.send(routes.listTimeline, { path })).items.map((e) => e.kind);
    expect(await kinds(eva)).toEqual([
      'request_created',
      'message',
      'attachment_added',
      'message',
      'participant_invited',
      'message',
      'internal_note',
    ]);
    for (const outsider of [jana, karla]) expect(await kinds(outsider)).not.toContain('internal_note');
    expect(JSON.stringify(ok(await karla.send(routes.listTimeline, { path })))).not.toContain('rozpočet');

    // 5. The client cancels while nothing is binding; a second cancel is a conflict.
    const cancelled = await jana.send(routes.cancelRequest, { path, body: { reason: 'Řešíme jinak.' } });
    expect(cancelled).toMatchObject({ status: 200, data: { status: 'cancelled', version: 2, allowedActions: [] } });
    const again = await jana.send(routes.cancelRequest, { path });
    expect(again).toMatchObject({ status: 409, error: { code: 'conflict' } });
    expect(again.error?.next).toBeTruthy();
    const last = ok(await eva.send(routes.listTimeline, { path })).items.at(-1);
    expect(last).toMatchObject({ kind: 'status_changed', body: 'Řešíme jinak.', details: { from: 'submitted', to: 'cancelled', action: 'cancel' } });
  });
});
