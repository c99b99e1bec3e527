import { expect } from 'vitest';
import { routes } from '../../lib/http/routes.js';
import { ok, type Client } from './api-client.js';

/** Uploads a small PDF the way the portal does (announce, presigned POST, confirm); `internal`: an agency-only file. */
export const attach = async (client: Client, requestId: string, options: { internal?: boolean } = {}) => {
  const bytes = new TextEncoder().encode('%PDF-1.4 nabídka');
  const ticket = ok(
    await client.send(routes.requestUpload, { path: { requestId }, body: { fileName: 'Nabídka.pdf', size: bytes.length, contentType: 'application/pdf', ...(options.internal ? { internal: true } : {}) } }),
  );
  const form = new FormData();
  for (const [name, value] of Object.entries(ticket.upload.fields)) form.append(name, value);
  form.append('file', new Blob([bytes], { type: 'application/pdf' }), 'upload');
  expect((await fetch(ticket.upload.url, { method: 'POST', body: form })).ok).toBe(true);
  return client.send(routes.confirmUpload, { path: { requestId, attachmentId: ticket.attachment.attachmentId } });
};
