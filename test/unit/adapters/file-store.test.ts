import { describe, expect, it } from 'vitest';
import { contentDisposition, s3FileStore } from '../../../lib/adapters/s3/file-store.js';

// No network: the local S3 server checks no POST policy, so what we sign is checked here.
const now = new Date('2026-11-24T10:00:00Z');
const store = s3FileStore({
  target: () => ({ bucket: 'attachments-test', region: 'eu-central-1', endpoint: 'https://s3.eu-central-1.amazonaws.com', pathStyle: false }),
  credentials: () => ({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }),
  now: () => now,
});

describe('the presigned upload', () => {
  it('binds the upload to one key, the exact size and the content type, for the given time', async () => {
    const { url, fields } = await store.presignUpload('orgs/o/requests/2026-0001/attachments/a/x.pdf', 'application/pdf', 1234, 600);
    expect(url).toBe('https://attachments-test.s3.eu-central-1.amazonaws.com');
    expect(fields).toMatchObject({ key: 'orgs/o/requests/2026-0001/attachments/a/x.pdf', 'Content-Type': 'application/pdf' });
    const policy = JSON.parse(Buffer.from(fields.Policy!, 'base64').toString('utf8')) as { expiration: string; conditions: unknown[] };
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        { key: 'orgs/o/requests/2026-0001/attachments/a/x.pdf' },
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

describe('Content-Disposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name', () => {
    expect(contentDisposition('Přehled "nákladů".pdf')).toBe(
      `attachment; filename="Prehled nakladu.pdf"; filename*=UTF-8''P%C5%99ehled%20%22n%C3%A1klad%C5%AF%22.pdf`,
    );
  });
});
