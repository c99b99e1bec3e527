import { describe, expect, it } from 'vitest';
import { StorageError, type S3Environment } from '../../../lib/adapters/s3/file-store.js';
import { s3ObjectReader } from '../../../lib/adapters/s3/object-reader.js';
import type { S3Target } from '../../../lib/adapters/s3/s3-signing.js';

const now = new Date('2026-11-24T10:00:00Z');
const aws: S3Target = { bucket: 'orderdesk-files', region: 'eu-central-1', endpoint: 'https://s3.eu-central-1.amazonaws.com', pathStyle: false };
const local: S3Target = { bucket: 'orderdesk-attachments', region: 'eu-central-1', endpoint: 'http://127.0.0.1:4568', pathStyle: true };

/** A reader whose S3 answers `answer`, recording what it was asked. */
const reading = (target: S3Target, answer: () => Response) => {
  const asked: { url: string; method: string; headers: Record<string, string> }[] = [];
  const env: S3Environment = {
    target: () => target,
    credentials: () => ({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret', sessionToken: 'session' }),
    now: () => now,
    fetch: async (input, init) => {
      asked.push({ url: String(input), method: init?.method ?? 'GET', headers: init?.headers as Record<string, string> });
      return answer();
    },
  };
  return { reader: s3ObjectReader(env), asked };
};

describe('reading an order’s PDF from S3', () => {
  const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]);

  it('GETs the object virtual-hosted in AWS, signed with SigV4, and answers its bytes', async () => {
    const { reader, asked } = reading(aws, () => new Response(pdf, { status: 200, headers: { 'content-type': 'application/pdf' } }));
    expect(await reader.read('orders/2026-0042/OBJ-2026-0042.pdf')).toEqual(pdf);
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ method: 'GET', url: 'https://orderdesk-files.s3.eu-central-1.amazonaws.com/orders/2026-0042/OBJ-2026-0042.pdf' });
    expect(asked[0]!.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20261124\/eu-central-1\/s3\/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token, Signature=[0-9a-f]{64}$/);
    expect(asked[0]!.headers['x-amz-security-token']).toBe('session');
    // fetch sets Host from the URL itself.
    expect(asked[0]!.headers).not.toHaveProperty('host');
  });

  it('GETs path-style from a local server', async () => {
    const { reader, asked } = reading(local, () => new Response(pdf, { status: 200 }));
    await reader.read('orders/2026-0042/OBJ-2026-0042.pdf');
    expect(asked[0]!.url).toBe('http://127.0.0.1:4568/orderdesk-attachments/orders/2026-0042/OBJ-2026-0042.pdf');
  });

  it('fails with S3’s status for a missing or refused object (403 for those who may not list), never answering nothing', async () => {
    for (const status of [403, 404, 500, 503]) {
      const { reader } = reading(aws, () => new Response('<Error><Code>AccessDenied</Code></Error>', { status }));
      const error = await reader.read('orders/2026-0042/OBJ-2026-0042.pdf').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StorageError);
      expect(String(error)).toContain(`S3 answered ${status} to GET orders/2026-0042/OBJ-2026-0042.pdf`);
    }
  });
});
