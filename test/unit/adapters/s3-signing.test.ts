import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  copySource,
  emptyPayloadHash,
  objectLocation,
  presignGet,
  presignPost,
  signPolicy,
  signedCopy,
  signedDelete,
  signedHeaders,
  type S3Target,
} from '../../../lib/adapters/s3/s3-signing.js';

// AWS's published examples ("Authenticating Requests: AWS Signature Version 4", S3 API reference):
// the example credentials, bucket and times, with the signatures AWS documents for them.
const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const example: S3Target = { bucket: 'examplebucket', region: 'us-east-1', endpoint: 'https://s3.amazonaws.com', pathStyle: false };

describe('S3 signing, against AWS’s published examples', () => {
  it('presigns a GET exactly as the query-string authentication example', async () => {
    const url = await presignGet(example, credentials, 'test.txt', 86400, new Date('2013-05-24T00:00:00Z'));
    expect(url).toBe(
      'https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256' +
        '&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request' +
        '&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host' +
        '&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404',
    );
  });

  it('signs a header-authenticated GET exactly as the GET Object example', async () => {
    const emptyHash = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    const { url, headers } = await signedHeaders(example, credentials, 'GET', 'test.txt', new Date('2013-05-24T00:00:00Z'), { range: 'bytes=0-9' }, emptyHash);
    expect(url).toBe('https://examplebucket.s3.amazonaws.com/test.txt');
    expect(headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, ' +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });

  it('signs a POST policy exactly as the browser-based upload example', async () => {
    const policy =
      'eyAiZXhwaXJhdGlvbiI6ICIyMDE1LTEyLTMwVDEyOjAwOjAwLjAwMFoiLA0KICAiY29uZGl0aW9ucyI6IFsNCiAgICB7ImJ1Y2tldCI6ICJzaWd2NGV4YW1wbGVidWNrZXQifSwNCiAgICBbInN0YXJ0cy13aXRoIiwgIiRrZXkiLCAidXNlci91c2VyMS8iXSwNCiAgICB7ImFjbCI6ICJwdWJsaWMtcmVhZCJ9LA0KICAgIHsic3VjY2Vzc19hY3Rpb25fcmVkaXJlY3QiOiAiaHR0cDovL3NpZ3Y0ZXhhbXBsZWJ1Y2tldC5zMy5hbWF6b25hd3MuY29tL3N1Y2Nlc3NmdWxfdXBsb2FkLmh0bWwifSwNCiAgICBbInN0YXJ0cy13aXRoIiwgIiRDb250ZW50LVR5cGUiLCAiaW1hZ2UvIl0sDQogICAgeyJ4LWFtei1tZXRhLXV1aWQiOiAiMTQzNjUxMjM2NTEyNzQifSwNCiAgICB7IngtYW16LXNlcnZlci1zaWRlLWVuY3J5cHRpb24iOiAiQUVTMjU2In0sDQogICAgWyJzdGFydHMtd2l0aCIsICIkeC1hbXotbWV0YS10YWciLCAiIl0sDQoNCiAgICB7IngtYW16LWNyZWRlbnRpYWwiOiAiQUtJQUlPU0ZPRE5ON0VYQU1QTEUvMjAxNTEyMjkvdXMtZWFzdC0xL3MzL2F3czRfcmVxdWVzdCJ9LA0KICAgIHsieC1hbXotYWxnb3JpdGhtIjogIkFXUzQtSE1BQy1TSEEyNTYifSwNCiAgICB7IngtYW16LWRhdGUiOiAiMjAxNTEyMjlUMDAwMDAwWiIgfQ0KICBdDQp9';
    const signature = await signPolicy({ ...example, bucket: 'sigv4examplebucket' }, credentials, policy, new Date('2015-12-29T00:00:00Z'));
    expect(signature).toBe('8afdbf4008c03f22c2cd3cdb72e4afbb1f6a588f3255ac628749a66d7f09699e');
  });
});

describe('our uploads and addresses', () => {
  const local: S3Target = { bucket: 'orderdesk-attachments', region: 'eu-central-1', endpoint: 'http://127.0.0.1:4568', pathStyle: true };

  it('puts every form field and the binding conditions into the signed policy', async () => {
    const now = new Date('2026-11-24T10:00:00Z');
    const { url, fields } = await presignPost(
      local,
      { ...credentials, sessionToken: 'token' },
      'orgs/o/requests/2026-0001/attachments/a/x.pdf',
      { 'Content-Type': 'application/pdf' },
      [['content-length-range', 1234, 1234], ['eq', '$Content-Type', 'application/pdf']],
      600,
      now,
    );
    expect(url).toBe('http://127.0.0.1:4568/orderdesk-attachments');
    const policy = JSON.parse(Buffer.from(fields.Policy!, 'base64').toString('utf8')) as { expiration: string; conditions: unknown[] };
    expect(policy.expiration).toBe('2026-11-24T10:10:00.000Z');
    expect(policy.conditions).toEqual([
      ['content-length-range', 1234, 1234],
      ['eq', '$Content-Type', 'application/pdf'],
      { 'Content-Type': 'application/pdf' },
      { bucket: 'orderdesk-attachments' },
      { 'X-Amz-Algorithm': 'AWS4-HMAC-SHA256' },
      { 'X-Amz-Credential': 'AKIAIOSFODNN7EXAMPLE/20261124/eu-central-1/s3/aws4_request' },
      { 'X-Amz-Date': '20261124T100000Z' },
      { 'X-Amz-Security-Token': 'token' },
      { key: 'orgs/o/requests/2026-0001/attachments/a/x.pdf' },
    ]);
    expect(fields['X-Amz-Signature']).toBe(await signPolicy(local, credentials, fields.Policy!, now));
  });

  it('encodes keys per segment: spaces, diacritics and reserved characters', () => {
    expect(objectLocation(local, 'orgs/o/Přehled (final)!.pdf').path).toBe('/orderdesk-attachments/orgs/o/P%C5%99ehled%20%28final%29%21.pdf');
    expect(objectLocation({ ...local, endpoint: 'https://s3.eu-central-1.amazonaws.com', pathStyle: false }, 'a b').host).toBe(
      'orderdesk-attachments.s3.eu-central-1.amazonaws.com',
    );
  });
});

describe('the confirmation’s copy and delete', () => {
  const target: S3Target = { bucket: 'orderdesk-attachments', region: 'eu-central-1', endpoint: 'https://s3.eu-central-1.amazonaws.com', pathStyle: false };
  const now = new Date('2026-11-24T10:00:00Z');
  const from = 'uploads/org-acme/2026-0042/att-1';
  const to = 'orgs/org-acme/requests/2026-0042/attachments/att-1/Přehled (final).pdf';

  /** SigV4 by hand ("Signature Calculations for the Authorization Header"), independent of lib/adapters/aws/sigv4-signer.ts. */
  const expectedAuthorization = (method: string, url: string, headers: Record<string, string>) => {
    const names = Object.keys(headers).filter((name) => name !== 'authorization').sort();
    const canonical = [method, new URL(url).pathname, '', ...names.map((n) => `${n}:${headers[n]!.trim()}`), '', names.join(';'), headers['x-amz-content-sha256']].join('\n');
    const scope = `${headers['x-amz-date']!.slice(0, 8)}/${target.region}/s3/aws4_request`;
    const stringToSign = ['AWS4-HMAC-SHA256', headers['x-amz-date'], scope, createHash('sha256').update(canonical).digest('hex')].join('\n');
    const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
    const signingKey = hmac(hmac(hmac(hmac(`AWS4${credentials.secretAccessKey}`, scope.slice(0, 8)), target.region), 's3'), 'aws4_request');
    const signature = hmac(signingKey, stringToSign).toString('hex');
    return `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}`;
  };

  it('copies the checked upload to the attachment’s key under orgs/, conditional on its ETag and on the key being empty', async () => {
    const { url, headers } = await signedCopy(target, credentials, from, to, '"5d41402abc4b2a76b9719d911017c592"', now);
    expect(url).toBe('https://orderdesk-attachments.s3.eu-central-1.amazonaws.com/orgs/org-acme/requests/2026-0042/attachments/att-1/P%C5%99ehled%20%28final%29.pdf');
    expect(new URL(url).pathname.startsWith('/orgs/')).toBe(true);
    expect(headers).toMatchObject({
      'x-amz-copy-source': 'orderdesk-attachments/uploads/org-acme/2026-0042/att-1',
      'x-amz-copy-source-if-match': '"5d41402abc4b2a76b9719d911017c592"',
      'if-none-match': '*',
      'x-amz-tagging-directive': 'REPLACE',
      'x-amz-content-sha256': emptyPayloadHash,
      'x-amz-date': '20261124T100000Z',
    });
    // Every one of those headers is signed: S3 refuses the copy if any is altered or dropped.
    expect(headers.authorization).toContain(
      'SignedHeaders=host;if-none-match;x-amz-content-sha256;x-amz-copy-source;x-amz-copy-source-if-match;x-amz-date;x-amz-tagging-directive,',
    );
    expect(headers.authorization).toBe(expectedAuthorization('PUT', url, headers));
  });

  it('URL-encodes the copy source per key segment', () => {
    expect(copySource(target, 'uploads/o/Přehled (1).pdf')).toBe('orderdesk-attachments/uploads/o/P%C5%99ehled%20%281%29.pdf');
  });

  it('deletes the upload with a signed empty body', async () => {
    const { url, headers } = await signedDelete(target, credentials, from, now);
    expect(url).toBe('https://orderdesk-attachments.s3.eu-central-1.amazonaws.com/uploads/org-acme/2026-0042/att-1');
    expect(headers['x-amz-content-sha256']).toBe(emptyPayloadHash);
    expect(headers.authorization).toBe(expectedAuthorization('DELETE', url, headers));
  });

  it('signs HEAD the same way as the hand-made signature', async () => {
    const { url, headers } = await signedHeaders(target, credentials, 'HEAD', from, now);
    expect(headers.authorization).toBe(expectedAuthorization('HEAD', url, headers));
  });
});
