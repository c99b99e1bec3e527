import { describe, expect, it } from 'vitest';
import { contentDisposition, s3FileStore, StorageError } from '../../../lib/adapters/s3/file-store.js';
import { ConflictError } from '../../../lib/domain/errors.js';

// No network: the local S3 server checks no POST policy, so what we sign is checked here.
const now = new Date('2026-11-24T10:00:00Z');
const store = s3FileStore({
  target: () => ({ bucket: 'attachments-test', region: 'eu-central-1', endpoint: 'https://s3.eu-central-1.amazonaws.com', pathStyle: false }),
  credentials: () => ({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }),
  now: () => now,
});

describe('the presigned upload', () => {
  it('binds the upload to one key, the exact size and the content type, for the given time', async () => {
    const { url, fields } = await store.presignUpload('uploads/o/2026-0001/a', 'application/pdf', 1234, 600);
    expect(url).toBe('https://attachments-test.s3.eu-central-1.amazonaws.com');
    expect(fields).toMatchObject({ key: 'uploads/o/2026-0001/a', 'Content-Type': 'application/pdf' });
    const policy = JSON.parse(Buffer.from(fields.Policy!, 'base64').toString('utf8')) as { expiration: string; conditions: unknown[] };
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        { key: 'uploads/o/2026-0001/a' },
        ['content-length-range', 1234, 1234],
        ['eq', '$Content-Type', 'application/pdf'],
        { bucket: 'attachments-test' },
      ]),
    );
    expect(policy.expiration).toBe('2026-11-24T10:10:00.000Z');
    expect(fields['X-Amz-Signature']).toMatch(/^[0-9a-f]{64}$/);
  });

  it('signs a short download that asks the browser to save the file under its name', async () => {
    const url = new URL(await store.presignDownload('k/x.pdf', 'Přehled nákladů.pdf', 60));
    expect(url.host).toBe('attachments-test.s3.eu-central-1.amazonaws.com');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('60');
    expect(url.searchParams.get('response-content-disposition')).toBe(contentDisposition('Přehled nákladů.pdf'));
  });
});

describe('what the confirmation asks of S3', () => {
  /** A store whose S3 answers `answer`, recording what was sent. */
  const answering = (answer: () => Response) => {
    const sent: { url: string; method: string; headers: Record<string, string> }[] = [];
    const files = s3FileStore({
      target: () => ({ bucket: 'attachments-test', region: 'eu-central-1', endpoint: 'https://s3.eu-central-1.amazonaws.com', pathStyle: false }),
      credentials: () => ({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }),
      now: () => now,
      fetch: async (input, init) => {
        sent.push({ url: String(input), method: init?.method ?? 'GET', headers: init?.headers as Record<string, string> });
        return answer();
      },
    });
    return { files, sent };
  };

  it('reads size, type and ETag, and takes 403 like 404 for a missing key (no function may list the bucket)', async () => {
    const found = answering(() => new Response(null, { status: 200, headers: { 'content-length': '1234', 'content-type': 'application/pdf', etag: '"abc"' } }));
    expect(await found.files.describe('uploads/o/r/a')).toEqual({ size: 1234, contentType: 'application/pdf', etag: '"abc"' });
    expect(found.sent[0]).toMatchObject({ method: 'HEAD', url: 'https://attachments-test.s3.eu-central-1.amazonaws.com/uploads/o/r/a' });
    for (const status of [403, 404]) expect(await answering(() => new Response(null, { status })).files.describe('uploads/o/r/a')).toBeUndefined();
    await expect(answering(() => new Response(null, { status: 500 })).files.describe('uploads/o/r/a')).rejects.toBeInstanceOf(StorageError);
  });

  it('copies with the ETag and write-once conditions, and tells a refused copy from a failed one', async () => {
    const copied = answering(() => new Response('<CopyObjectResult><ETag>"abc"</ETag></CopyObjectResult>', { status: 200 }));
    expect(await copied.files.copyOnce('uploads/o/r/a', 'orgs/o/requests/r/attachments/a/x.pdf', '"abc"')).toBe(true);
    expect(copied.sent[0]).toMatchObject({
      method: 'PUT',
      url: 'https://attachments-test.s3.eu-central-1.amazonaws.com/orgs/o/requests/r/attachments/a/x.pdf',
      headers: { 'x-amz-copy-source': 'attachments-test/uploads/o/r/a', 'x-amz-copy-source-if-match': '"abc"', 'if-none-match': '*' },
    });
    expect(copied.sent[0]?.headers).not.toHaveProperty('host');

    expect(await answering(() => new Response('<Error><Code>PreconditionFailed</Code></Error>', { status: 412 })).files.copyOnce('u', 'o', '"abc"')).toBe(false);
    await expect(answering(() => new Response('<Error><Code>ConditionalRequestConflict</Code></Error>', { status: 409 })).files.copyOnce('u', 'o', '"abc"')).rejects.toBeInstanceOf(
      ConflictError,
    );
    // S3 reports a copy that failed after it started inside a 200.
    await expect(answering(() => new Response('<Error><Code>InternalError</Code></Error>', { status: 200 })).files.copyOnce('u', 'o', '"abc"')).rejects.toBeInstanceOf(StorageError);
  });

  it('removes the upload, and does not fail the confirmation when S3 will not', async () => {
    const removed = answering(() => new Response(null, { status: 204 }));
    await removed.files.discard('uploads/o/r/a');
    expect(removed.sent[0]).toMatchObject({ method: 'DELETE', url: 'https://attachments-test.s3.eu-central-1.amazonaws.com/uploads/o/r/a' });
    await expect(answering(() => new Response(null, { status: 500 })).files.discard('uploads/o/r/a')).resolves.toBeUndefined();
  });
});

describe('Content-Disposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name', () => {
    expect(contentDisposition('Přehled "nákladů".pdf')).toBe(
      `attachment; filename="Prehled nakladu.pdf"; filename*=UTF-8''P%C5%99ehled%20%22n%C3%A1klad%C5%AF%22.pdf`,
    );
  });
});
