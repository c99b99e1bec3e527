import { describe, expect, it } from 'vitest';
import { asDemoUser, asInvitedPerson, newInquiry, people } from '../support/api-client.js';

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
    const created = await jana.call('POST', '/requests', newInquiry());
    expect(created.status).toBe(201);
    const id: string = created.body.requestId;
    expect(id).toMatch(/^\d{4}-\d{4,}$/);
    expect(created.body).toMatchObject({ status: 'submitted', orgId: 'org-acme', version: 1, allowedActions: ['cancel'] });

    // 2. The agent asks, the client answers with a screenshot.
    expect((await eva.call('POST', `/requests/${id}/messages`, { body: 'Máte prosím screenshot?' })).status).toBe(201);
    const bytes = new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 31 + 7) % 256));
    const ticket = await jana.call('POST', `/requests/${id}/attachments`, { fileName: 'Snímek obrazovky.png', size: bytes.length, contentType: 'image/png' });
    expect(ticket.status).toBe(201);
    expect(ticket.body.attachment).toMatchObject({ fileName: 'Snímek obrazovky.png', status: 'pending' });
    expect((await upload(ticket.body.upload, bytes, 'image/png')).ok).toBe(true);
    const attachmentId: string = ticket.body.attachment.attachmentId;
    const confirmed = await jana.call('POST', `/requests/${id}/attachments/${attachmentId}/confirm`);
    expect(confirmed).toMatchObject({ status: 200, body: { status: 'uploaded' } });
    const reply = await jana.call('POST', `/requests/${id}/messages`, { body: 'Tady je **screenshot**.', format: 'markdown', attachmentIds: [attachmentId] });
    expect(reply).toMatchObject({ status: 201, body: { kind: 'message', format: 'markdown', attachmentIds: [attachmentId] } });

    // ... and the agent downloads it back, byte for byte.
    const link = await eva.call('GET', `/requests/${id}/attachments/${attachmentId}`);
    expect(link.status).toBe(200);
    const downloaded = await fetch(link.body.url);
    expect(downloaded.status).toBe(200);
    expect(new Uint8Array(await downloaded.arrayBuffer())).toEqual(bytes);
    expect(downloaded.headers.get('content-disposition')).toContain("filename*=UTF-8''Sn%C3%ADmek%20obrazovky.png");
    expect((await eva.call('GET', `/requests/${id}/attachments`)).body).toHaveLength(1);

    // 3. The client admin invites a colleague from outside; she comments.
    const invited = await jana.call('POST', `/requests/${id}/participants`, { email: 'karla.partnerova@partner.example', name: 'Karla Partnerová' });
    expect(invited).toMatchObject({ status: 201, body: { email: 'karla.partnerova@partner.example' } });
    const karla = await asInvitedPerson('karla.partnerova@partner.example');
    expect((await karla.call('GET', '/me')).body).toMatchObject({ role: 'participant' });
    expect((await karla.call('GET', `/requests/${id}`)).body).toMatchObject({ requestId: id, allowedActions: [] });
    expect((await karla.call('POST', `/requests/${id}/messages`, { body: 'Souhlasím s Janou.' })).status).toBe(201);
    expect((await karla.call('GET', '/requests')).body.items.map((r: { requestId: string }) => r.requestId)).toEqual([id]);

    // 4. The agent writes an internal note that neither the client nor the participant sees.
    const note = await eva.call('POST', `/requests/${id}/messages`, { body: 'Interně: rozpočet ověřit.', internal: true });
    expect(note).toMatchObject({ status: 201, body: { kind: 'internal_note', visibility: 'agency' } });
    const kinds = async (who: typeof jana) => (await who.call('GET', `/requests/${id}/timeline`)).body.items.map((e: { kind: string }) => e.kind);
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
    expect(JSON.stringify((await karla.call('GET', `/requests/${id}/timeline`)).body)).not.toContain('rozpočet');

    // 5. The client cancels while nothing is binding; a second cancel is a conflict.
    const cancelled = await jana.call('POST', `/requests/${id}/cancel`, { reason: 'Řešíme jinak.' });
    expect(cancelled).toMatchObject({ status: 200, body: { status: 'cancelled', version: 2, allowedActions: [] } });
    const again = await jana.call('POST', `/requests/${id}/cancel`);
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'conflict' } } });
    expect(again.body.error.next).toBeTruthy();
    const last = (await eva.call('GET', `/requests/${id}/timeline`)).body.items.at(-1);
    expect(last).toMatchObject({ kind: 'status_changed', body: 'Řešíme jinak.', details: { from: 'submitted', to: 'cancelled', action: 'cancel' } });
  });
});
